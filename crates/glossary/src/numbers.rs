//! Numbers of a source and its translation, by value, for `check`: a
//! translator's slip (`15%` rendered 25％, `1.5 trillion yen` rendered
//! 1.5億円) is a finding as a missing term is. English numbers take their
//! scale word (`2.5 million`, `$5m`), Japanese ones their myriads (`250万`,
//! `1万2000`, `1兆2000億`); a number may be written another way in the
//! translation (`'94` as 1994年, `3 p.m.` as 15時, 3割 as 30%, 令和7年 as
//! 2025), and on the side checked against, number words, ordinals,
//! capitalised month names and kanji numerals count too (`two days`
//! answers 2日, `April 3` 4月3日, 二十カ国 20).

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
    /// The number as the text writes it (`2.5 million`, `250万`, `3.5%`).
    pub(crate) surface: String,
    /// Written in digits (not a number word, an ordinal, a month or kanji).
    pub(crate) digits: bool,
    /// Other values a translation may write it as (`'94`: 1994 and 2094).
    alternatives: Vec<f64>,
    /// Part of a name (`COVID-19`, `F-35`), which a translation may well
    /// write without it: no number a source states.
    name: bool,
    /// Where it starts in the text read in NFKC (see [`Figures`]).
    pub(crate) at: usize,
    /// The currency written beside it (`USD` of `$35 billion`, `JPY` of
    /// 350億円), from `data/currencies.tsv`.
    pub(crate) currency: Option<&'static str>,
}

impl Number {
    /// A number in digits at `surface` with `value`.
    fn new(value: f64, surface: &str) -> Number {
        Number {
            value,
            surface: surface.to_string(),
            digits: true,
            alternatives: Vec::new(),
            name: false,
            at: 0,
            currency: None,
        }
    }

    /// The values a translation may give it: `'94` is 94, 1994 or 2094.
    pub(crate) fn values(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(self.value).chain(self.alternatives.iter().copied())
    }
}

/// The numbers a source segment in `lang` states in digits.
#[cfg(test)]
pub(crate) fn stated(text: &str, lang: Lang) -> Vec<Number> {
    Figures::of_source(text, lang).numbers
}

/// Every number a translation in `lang` gives: digits, and in English
/// number words, ordinals and months too, in Japanese kanji numerals.
#[cfg(test)]
pub(crate) fn given(text: &str, lang: Lang) -> Vec<Number> {
    Figures::of_translation(text, lang).numbers
}

/// The numbers and dates of a segment, read from one NFKC copy of it, so
/// the positions of both ([`Number::at`], [`Date::span`]) are in the same
/// text.
pub(crate) struct Figures {
    /// Its numbers: for a source those it states in digits, for a
    /// translation every number it gives.
    pub(crate) numbers: Vec<Number>,
    /// Its dates: days with their months, ranges giving each day.
    pub(crate) dates: Vec<Date>,
}

impl Figures {
    /// The figures of a source segment in `lang`: numbers it states in
    /// digits, and its dates.
    pub(crate) fn of_source(text: &str, lang: Lang) -> Figures {
        let text = normalized(text);
        let numbers = match lang {
            Lang::En => english(&text, false),
            Lang::Ja => japanese(&text, false),
        };
        Figures {
            numbers: numbers.into_iter().filter(|n| !n.name).collect(),
            dates: dates_in(&text, lang),
        }
    }

    /// The figures of a translation in `lang`: every number it gives, and
    /// its dates.
    pub(crate) fn of_translation(text: &str, lang: Lang) -> Figures {
        let text = normalized(text);
        let numbers = match lang {
            Lang::En => english(&text, true),
            Lang::Ja => japanese(&text, true),
        };
        Figures {
            numbers,
            dates: dates_in(&text, lang),
        }
    }
}

/// Whether `values` holds `value` (to a part in a million: 1.2 billion is
/// 12億 whatever the float rounding).
pub(crate) fn holds(values: &[f64], value: f64) -> bool {
    values
        .iter()
        .any(|v| (v - value).abs() <= value.abs().max(1.0) * 1e-6)
}

/// `text` in NFKC, vulgar fractions as decimals first (NFKC makes `2½`
/// 21⁄2, twenty-one halves).
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let decimal = match c {
            '½' => ".5",
            '¼' => ".25",
            '¾' => ".75",
            _ => {
                out.push(c);
                continue;
            }
        };
        if !out.ends_with(|d: char| d.is_ascii_digit()) {
            out.push('0');
        }
        out.push_str(decimal);
    }
    out.nfkc().collect()
}

/// A scale word after an English number (`million`, `bn.`), from
/// `data/number-words-en.tsv`: its factor.
fn english_scale(word: &str) -> Option<f64> {
    let word = word.to_ascii_lowercase();
    number_word(word.trim_end_matches('.'))
        .filter(|&(_, kind)| kind == "scale")
        .map(|(value, _)| value)
}

/// A word of `data/number-words-en.tsv`: its value and its kind (`month`,
/// `scale`, or empty).
fn number_word(word: &str) -> Option<(f64, &'static str)> {
    type Words = std::collections::HashMap<&'static str, (f64, &'static str)>;
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            crate::data::rows(NUMBER_WORDS_EN)
                .filter_map(|(_, cells)| {
                    let value = cells.get(1)?.parse().ok()?;
                    Some((
                        *cells.first()?,
                        (value, cells.get(2).copied().unwrap_or("")),
                    ))
                })
                .collect()
        })
        .get(word)
        .copied()
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

/// Whether `text` at `at` goes on with `word` as a word of its own.
fn word_at(text: &str, at: usize, word: &str) -> bool {
    text.get(at..at + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !text[at + word.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// English numbers: digits (with a scale word or letter after them); with
/// `words`, also number words (with their scale word: `two million`;
/// joined: `twenty-five`), ordinals and capitalised months.
fn english(text: &str, words: bool) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    // Where each number began and ended, for ranges sharing a scale.
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let Some((mut value, mut end)) = digits_at(text, i) else {
                i += 1;
                continue;
            };
            let mut number = Number::new(value, "");
            number.at = i;
            let before = &text[..i];
            // A name's number (`COVID-19`, `F-35`): joined to letters by a
            // hyphen.
            number.name = before
                .strip_suffix('-')
                .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphabetic()));
            let currency = before.trim_end().ends_with(['$', '€', '£', '¥']);
            let rest = &text[end..];
            let gap = rest.len() - rest.trim_start_matches([' ', '-']).len();
            let word: String = rest[gap..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic() || *c == '.')
                .collect();
            let mut scaled = false;
            let mut minute = None;
            if let Some(scale) = english_scale(&word) {
                value *= scale;
                end += gap + word.len();
                scaled = true;
            } else if let Some(letter) = rest.chars().next()
                && matches!(letter, 'm' | 'k' | 'M' | 'K')
                && !rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                // `$5m`, `€300k`; without a currency `5m` may be metres.
                let scale = if letter.eq_ignore_ascii_case(&'m') {
                    1e6
                } else {
                    1e3
                };
                if currency {
                    value *= scale;
                    end += 1;
                    scaled = true;
                } else {
                    number.alternatives.push(value * scale);
                }
            }
            // A time: `15:00`, `3:30 p.m.` (minutes of 00 are no number).
            if !scaled
                && let Some(minutes) = rest.strip_prefix(':')
                && minutes.len() >= 2
                && minutes.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && !minutes.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
            {
                let m: f64 = minutes[..2].parse().unwrap_or(0.0);
                if m != 0.0 {
                    let mut number = Number::new(m, &minutes[..2]);
                    number.at = end + 1;
                    if m == 30.0 {
                        // 10時半
                        number.alternatives.push(0.5);
                    }
                    minute = Some((number, (end + 1, end + 3, false)));
                }
                end += 3;
            }
            let after = text[end..].trim_start();
            if ["p.m.", "pm"].iter().any(|w| word_at(after, 0, w)) && value < 12.0 {
                number.alternatives.push(value + 12.0);
            }
            let digits = end - i;
            if digits == 2 && before.ends_with(['\'', '\u{2019}']) {
                number.alternatives.extend([1900.0 + value, 2000.0 + value]);
            }
            if digits == 2 && before.to_ascii_uppercase().ends_with("FY") {
                number.alternatives.push(2000.0 + value);
            }
            if digits == 4 && (1900.0..2100.0).contains(&value) && value.fract() == 0.0 {
                number.alternatives.push(value % 100.0);
            }
            let percent = text[end..].starts_with('%');
            let surface_end = if percent { end + 1 } else { end };
            number.currency = currency_at(before, Lang::En, true)
                .or_else(|| currency_at(&text[end..], Lang::En, false));
            number.value = value;
            number.surface = text[i..surface_end].trim_end_matches('.').to_string();
            out.push(number);
            spans.push((i, end, scaled));
            if let Some((number, span)) = minute {
                out.push(number);
                spans.push(span);
            }
            i = surface_end;
            continue;
        }
        if words
            && bytes[i].is_ascii_alphabetic()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        {
            let end = text[i..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .map_or(text.len(), |k| i + k);
            let word = &text[i..end];
            let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
            if let Some((mut value, kind)) = number_word(&word.to_ascii_lowercase())
                && (capitalised || kind != "month")
            {
                let month = kind == "month";
                let mut stop = end;
                // `twenty-five`
                if let Some(unit) = text[end..].strip_prefix('-') {
                    let unit_end = unit
                        .find(|c: char| !c.is_ascii_alphabetic())
                        .map_or(unit.len(), |k| k);
                    if let Some((u, "")) = number_word(&unit[..unit_end].to_ascii_lowercase())
                        && u < 10.0
                        && value >= 20.0
                    {
                        value += u;
                        stop = end + 1 + unit_end;
                    }
                }
                // `two million`
                let rest = &text[stop..];
                let gap = rest.len() - rest.trim_start().len();
                let next: String = rest[gap..]
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                if !month && let Some(scale) = english_scale(&next) {
                    value *= scale;
                    stop += gap + next.len();
                }
                let mut number = Number::new(value, &text[i..stop]);
                number.at = i;
                number.digits = false;
                out.push(number);
                spans.push((i, stop, false));
                i = stop;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    // A range sharing its scale: `3-4 million`, `$3 to 4 billion`.
    for k in 1..spans.len() {
        let ((_, end, scaled), (start, _, next_scaled)) = (spans[k - 1], spans[k]);
        let between = text.get(end..start).map(str::trim);
        if !scaled
            && next_scaled
            && matches!(between, Some("-" | "–" | "to" | "~" | "to $" | "-$"))
            && out[k].value != 0.0
        {
            let scale = out[k].value / text_value(&text[start..]).unwrap_or(out[k].value);
            let v = out[k - 1].value * scale;
            out[k - 1].alternatives.push(v);
        }
    }
    out
}

/// A date of a text: a month with its day (`March 4`, `4 March`, 3月4日).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Date {
    /// The month, 1 to 12.
    pub(crate) month: u32,
    /// The day of the month, 1 to 31.
    pub(crate) day: u32,
    /// A day between a range's ends, meant but not written (5 of
    /// 3月4～6日): a translation may give it, a source does not ask for it.
    pub(crate) between: bool,
    /// Where the date (a range: all its days) stands in the text read in
    /// NFKC: start and end.
    pub(crate) span: (usize, usize),
    /// The date as the text writes it, in NFKC (a range's days share it:
    /// `March 4-5`, 3月4～5日).
    pub(crate) surface: String,
}

impl Date {
    /// The date as `lang` writes it: `March 4`, 3月4日.
    pub(crate) fn written(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{} {}", month_name(self.month), self.day),
            Lang::Ja => format!("{}月{}日", self.month, self.day),
        }
    }
}

/// The dates of a text in `lang`: days with their months, ranges and lists
/// of days giving each day (`March 4-5`, `4 and 5 March`, 3月4～5日,
/// 3月4日から10日), so that a translation that swaps month and day
/// (`March 4` as 4月3日) is told from one that keeps them, which the
/// numbers alone cannot do.
#[cfg(test)]
pub(crate) fn dates(text: &str, lang: Lang) -> Vec<Date> {
    dates_in(&normalized(text), lang)
}

/// The dates of `text`, already in NFKC: days with their months, ranges
/// and lists of days giving each day.
fn dates_in(text: &str, lang: Lang) -> Vec<Date> {
    match lang {
        Lang::En => english_dates(text),
        Lang::Ja => japanese_dates(text),
    }
}

/// The month a capitalised English word names (`March`, `Mar`), if any.
fn month_word(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    number_word(&word.to_ascii_lowercase())
        .filter(|&(_, kind)| kind == "month")
        .map(|(value, _)| value as u32)
}

/// The English name of month `m` (1 to 12): the longest word of
/// `data/number-words-en.tsv` for it, capitalised.
fn month_name(m: u32) -> String {
    let name = crate::data::rows(NUMBER_WORDS_EN)
        .filter(|(_, cells)| {
            cells.get(2) == Some(&"month")
                && cells.get(1).and_then(|v| v.parse::<u32>().ok()) == Some(m)
        })
        .filter_map(|(_, cells)| cells.first().copied())
        .max_by_key(|w| w.len())
        .unwrap_or("");
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => m.to_string(),
    }
}

/// A day of the month in digits (`4`, `4th`, `21st`) that is the whole
/// of `word`.
fn day_word(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let day: u32 = digits.parse().ok()?;
    let ordinal = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    (ordinal && (1..=2).contains(&digits.len()) && (1..=31).contains(&day)).then_some(day)
}

/// A day after the first of a range or list of days.
struct DayStep {
    /// The index of its word (English).
    word: usize,
    /// The day.
    day: u32,
    /// A comma joins it to the day before.
    comma: bool,
    /// It ends a range that the day before opens (`4-6`, `4 to 6`, 4～6日):
    /// the days between are meant too.
    range: bool,
}

/// The dates of a range or list of days of `month` written at `span` of
/// `text`: `first`, then each step's day, with the days between a range's
/// ends (marked as not written).
fn every_day(
    month: u32,
    first: u32,
    steps: &[DayStep],
    text: &str,
    span: (usize, usize),
) -> Vec<Date> {
    let date = |day, between| Date {
        month,
        day,
        between,
        span,
        surface: text[span.0..span.1].to_string(),
    };
    let mut dates = vec![date(first, false)];
    let mut previous = first;
    for step in steps {
        if step.range && step.day > previous {
            dates.extend((previous + 1..step.day).map(|day| date(day, true)));
        }
        dates.push(date(step.day, false));
        previous = step.day;
    }
    dates
}

/// English dates: `March 4`, `Mar. 4th`, `4 March`, `4th of March`, and
/// ranges and lists of days (`March 4-5`, `March 4, 5 and 6`, `4 to 6
/// March`).
fn english_dates(text: &str) -> Vec<Date> {
    // Words of letters and digits, with where they start and end.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (k, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_ascii_alphanumeric()) {
            (None, true) => start = Some(k),
            (Some(s), false) => {
                words.push((s, k));
                start = None;
            }
            _ => {}
        }
    }
    let word = |i: usize| words.get(i).map(|&(s, e)| &text[s..e]);
    let gap = |a: usize| text.get(words.get(a)?.1..words.get(a + 1)?.0);
    // Only spaces between two words; after a month's abbreviation its
    // period too (`Mar. 4`, not `in March. 4 firms`).
    let close = |a: usize| {
        let abbreviation = word(a).is_some_and(|w| {
            month_word(w).is_some() && w != "May" && (w.len() <= 3 || w == "Sept")
        });
        gap(a).is_some_and(|g| {
            let g = if abbreviation {
                g.strip_prefix('.').unwrap_or(g)
            } else {
                g
            };
            g.chars().all(|c| c == ' ')
        })
    };
    // The day at word `d` is an amount, not a date: `March 4 million`,
    // `4%`, `March 4,000`, `4.5`.
    let amount = |d: usize| {
        let after = &text[words[d].1..];
        let digit_after = |sep: char| {
            after
                .strip_prefix(sep)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        };
        after.starts_with('%')
            || digit_after(',')
            || digit_after('.')
            || (close(d)
                && word(d + 1).is_some_and(|w| {
                    english_scale(w).is_some() || matches!(w, "percent" | "per" | "pc")
                }))
    };
    // The days after word `d` in a range or list, `-5`, `to 5`, `, 5 and
    // 6`: each day's word, its value, and whether a comma joined it.
    let more_days = |mut d: usize| {
        let mut days: Vec<DayStep> = Vec::new();
        loop {
            let sign = gap(d).map(str::trim);
            let joined_by_sign = matches!(sign, Some("-" | "–" | "—" | "~" | ","));
            let joined_by_word =
                close(d) && matches!(word(d + 1), Some("to" | "and" | "through")) && close(d + 1);
            let next = if joined_by_sign {
                d + 1
            } else if joined_by_word {
                d + 2
            } else {
                break;
            };
            match word(next).and_then(day_word) {
                Some(day) if !amount(next) => {
                    let range = if joined_by_sign {
                        sign != Some(",")
                    } else {
                        word(d + 1) != Some("and")
                    };
                    days.push(DayStep {
                        word: next,
                        day,
                        comma: sign == Some(","),
                        range,
                    });
                    d = next;
                }
                _ => break,
            }
        }
        days
    };
    // The month word after the day word `d`, if any (`4 March`, `4th of
    // March`): its index and month. A capitalised word after `May` makes
    // it the verb of a heading (`Article 4 May Apply`).
    let month_after = |d: usize| {
        let at = if word(d + 1) == Some("of") && close(d) {
            d + 2
        } else {
            d + 1
        };
        let verb = word(at) == Some("May")
            && close(at)
            && word(at + 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        let month = word(at).and_then(month_word)?;
        (close(at - 1) && !verb).then_some((at, month))
    };
    let mut out = Vec::new();
    let mut push = |month, first, steps: &[DayStep], from: usize, to: usize| {
        out.extend(every_day(
            month,
            first,
            steps,
            text,
            (words[from].0, words[to].1),
        ));
    };
    let mut i = 0;
    while i < words.len() {
        if let Some(month) = word(i).and_then(month_word)
            && let Some(day) = word(i + 1).and_then(day_word)
            && close(i)
            && !amount(i + 1)
        {
            let mut rest = more_days(i + 1);
            // `March 4-5, 4 and 5 April`: the days after the last comma,
            // when a month follows them, are that month's.
            if rest
                .last()
                .is_some_and(|step| month_after(step.word).is_some())
                && let Some(cut) = rest.iter().rposition(|step| step.comma)
            {
                rest.truncate(cut);
            }
            // `On March 4, 20 companies signed`: a list of days ends with
            // `and` or a range's sign, not with a comma.
            while rest.last().is_some_and(|step| step.comma) {
                rest.pop();
            }
            let last = rest.last().map_or(i + 1, |step| step.word);
            push(month, day, &rest, i, last);
            i = last + 1;
            continue;
        }
        if let Some(day) = word(i).and_then(day_word)
            && !amount(i)
        {
            let rest = more_days(i);
            let last = rest.last().map_or(i, |step| step.word);
            if let Some((at, month)) = month_after(last) {
                push(month, day, &rest, i, at);
                i = at + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A number in digits or kanji numerals that ends exactly at `end`, of at
/// most two characters (a month or a day): its value and start.
fn small_number_before(text: &str, end: usize) -> Option<(u32, usize)> {
    let mut start = end;
    for (k, c) in text[..end].char_indices().rev().take(3) {
        if c.is_ascii_digit() || kanji_digit(c).is_some() || c == '十' {
            start = k;
        } else {
            break;
        }
    }
    let (value, stop) = small_number_at(text, start)?;
    (stop == end).then_some((value, start))
}

/// A whole number of 1 to 31 in digits or kanji numerals at `at`: its value
/// and end.
fn small_number_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let (value, stop) = if text[at..].starts_with(|c: char| c.is_ascii_digit()) {
        digits_at(text, at)?
    } else {
        kanji_at(text, at)?
    };
    (value.fract() == 0.0 && (1.0..=31.0).contains(&value)).then_some((value as u32, stop))
}

/// The length of a weekday in brackets opening `text` (`(火)`, `(火曜日)`,
/// `(火・祝)` in NFKC), or 0.
fn weekday_len(text: &str) -> usize {
    let Some(inner) = text.strip_prefix('(') else {
        return 0;
    };
    let Some(close) = inner.find(')') else {
        return 0;
    };
    let days = &inner[..close];
    let weekday = !days.is_empty()
        && days.chars().count() <= 5
        && days.chars().all(|c| "月火水木金土日曜祝・".contains(c));
    if weekday { 1 + close + 1 } else { 0 }
}

/// What joins the days of a Japanese range or list, and whether it makes a
/// range: 4～5日, 4日から10日 (ranges), 4、5日, 4日と5日 (lists).
const JAPANESE_DAY_JOINS: [(&str, bool); 9] = [
    ("～", true),
    ("~", true),
    ("-", true),
    ("–", true),
    ("から", true),
    ("、", false),
    ("・", false),
    (",", false),
    ("と", false),
];

/// Japanese dates: 3月4日, 三月四日, and ranges and lists of days
/// (3月4～5日, 3月4日から10日, 3月4、5日).
fn japanese_dates(text: &str) -> Vec<Date> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('月') {
        let Some((month, start)) = small_number_before(text, at) else {
            continue;
        };
        if !(1..=12).contains(&month) {
            continue;
        }
        let mut pos = at + '月'.len_utf8();
        // 3月末 (the month's end) and 3月期 (a term ending with March) stand
        // for its last days: they answer `March 31` and ask for nothing.
        if text[pos..].starts_with(['末', '期']) {
            let end = pos + '末'.len_utf8();
            out.extend((28..=31).map(|day| Date {
                month,
                day,
                between: true,
                span: (start, end),
                surface: text[start..end].to_string(),
            }));
            continue;
        }
        // The days after 月, each with whether a range's join stands before
        // it; those up to the last 日 are the date's (a number after them,
        // 3月4日と4月1日's 4, is another month's).
        let mut days: Vec<DayStep> = Vec::new();
        let (mut closed, mut closed_at) = (0, pos);
        let mut range = false;
        while let Some((day, end)) = small_number_at(text, pos) {
            days.push(DayStep {
                word: 0,
                day,
                comma: false,
                range,
            });
            pos = end;
            // `5日間`, `5日後` are spans of days, not a date.
            if let Some(rest) = text[pos..].strip_prefix('日')
                && !rest.starts_with(['間', '後', '前', '以', 'ぶ'])
            {
                pos = text.len() - rest.len();
                (closed, closed_at) = (days.len(), pos);
                pos += weekday_len(&text[pos..]);
            }
            match JAPANESE_DAY_JOINS
                .iter()
                .find(|(join, _)| text[pos..].starts_with(*join))
            {
                Some(&(join, is_range)) => {
                    pos += join.len();
                    range = is_range;
                    // 3月4日から同10日, 3月4日と翌5日: the same month.
                    pos += SAME_MONTH
                        .iter()
                        .find(|p| text[pos..].starts_with(**p))
                        .map_or(0, |p| p.len());
                }
                None => break,
            }
        }
        if let Some((first, steps)) = days[..closed].split_first() {
            out.extend(every_day(month, first.day, steps, text, (start, closed_at)));
        }
    }
    // 同10日, 同月10日, 翌5日 anywhere after a date: a day of its month.
    let mut same: Vec<Date> = Vec::new();
    for prefix in SAME_MONTH {
        for (at, _) in text.match_indices(prefix) {
            let from = at + prefix.len();
            let Some((day, end)) = small_number_at(text, from) else {
                continue;
            };
            let Some(rest) = text[end..].strip_prefix('日') else {
                continue;
            };
            if rest.starts_with(['間', '後', '前', '以', 'ぶ'])
                || out
                    .iter()
                    .chain(&same)
                    .any(|d| d.span.0 <= at && at < d.span.1)
            {
                continue;
            }
            let Some(month) = out
                .iter()
                .filter(|d| d.span.1 <= at)
                .max_by_key(|d| d.span.1)
                .map(|d| d.month)
            else {
                continue;
            };
            let stop = text.len() - rest.len();
            same.push(Date {
                month,
                day,
                between: false,
                span: (at, stop),
                surface: text[at..stop].to_string(),
            });
        }
    }
    out.extend(same);
    out
}

/// Words before a day that put it in the month of the date before: 同月10日,
/// 同10日, 翌5日 (longest first).
const SAME_MONTH: [&str; 3] = ["同月", "同", "翌"];

/// `data/currencies.tsv`: currency signs and words beside a number.
const CURRENCIES: &str = include_str!("../data/currencies.tsv");

/// The currency whose sign in `lang` stands at the end of `before` (`$`,
/// `US$`) or, when `before` is false, at the start of `text` after spaces
/// (`yen`, 円): its code.
fn currency_at(text: &str, lang: Lang, before: bool) -> Option<&'static str> {
    type Signs = Vec<(&'static str, &'static str, &'static str, &'static str)>;
    static SIGNS: std::sync::OnceLock<Signs> = std::sync::OnceLock::new();
    let signs = SIGNS.get_or_init(|| {
        crate::data::rows(CURRENCIES)
            .filter_map(|(_, cells)| match cells[..] {
                [code, language, place, sign, ..] => Some((code, language, place, sign)),
                _ => None,
            })
            .collect()
    });
    let place = if before { "before" } else { "after" };
    let near = if before {
        text.trim_end()
    } else {
        text.trim_start()
    };
    signs
        .iter()
        .filter(|(_, language, at, _)| *language == lang.code() && *at == place)
        .find(|(_, _, _, sign)| {
            if before {
                return near.ends_with(sign);
            }
            // A word ends where letters do (`yen`, not `yenta`).
            near.strip_prefix(sign).is_some_and(|rest| {
                !sign.is_ascii() || !rest.starts_with(|c: char| c.is_ascii_alphabetic())
            })
        })
        .map(|(code, _, _, _)| *code)
}

/// The plain value of the digits `text` opens with.
fn text_value(text: &str) -> Option<f64> {
    digits_at(text, 0).map(|(v, _)| v).filter(|v| *v != 0.0)
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

/// The value of a kanji numeral digit or unit.
fn kanji_digit(c: char) -> Option<f64> {
    Some(match c {
        '〇' | '零' => 0.0,
        '一' => 1.0,
        '二' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

/// Reads kanji numerals at `at`: 二十 (20), 一兆二千億, 二〇二四 (digit by
/// digit): the value and the end, or `None` when none stand there.
fn kanji_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let mut total = 0.0; // finished myriad groups
    let mut group = 0.0; // within the current myriad
    let mut digit: Option<f64> = None;
    let mut positional = String::new();
    let mut end = at;
    let mut any = false;
    for (k, c) in text[at..].char_indices() {
        if let Some(d) = kanji_digit(c) {
            if let Some(previous) = digit {
                // 二〇二四: digits in a row are written place by place.
                if positional.is_empty() {
                    positional.push(char::from(b'0' + previous as u8));
                }
                positional.push(char::from(b'0' + d as u8));
            }
            digit = Some(d);
        } else if let Some(unit) = match c {
            '十' => Some(10.0),
            '百' => Some(100.0),
            '千' => Some(1000.0),
            _ => None,
        } {
            group += digit.take().unwrap_or(1.0) * unit;
        } else if let Some(m) = myriad(c).filter(|_| any) {
            total += (group + digit.take().unwrap_or(0.0)) * m;
            group = 0.0;
        } else {
            break;
        }
        any = true;
        end = at + k + c.len_utf8();
    }
    if !any {
        return None;
    }
    if !positional.is_empty() {
        return positional.parse().ok().map(|v| (v, end));
    }
    Some((total + group + digit.unwrap_or(0.0), end))
}

/// Japanese numbers in digits, with their myriads (`250万` is 2,500,000,
/// `1万2000` 12,000, `1兆2000億` 1.2 trillion; `3千` is 3,000); with
/// `kanji`, kanji numerals too (二十, 一兆二千億).
fn japanese(text: &str, kanji: bool) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // The smallest myriad of the number being read and where that number
    // ends: what follows it directly with a smaller myriad, or none, adds
    // to it (`1兆` then `2000億`; `1万` then `2000`).
    let mut open: Option<(f64, usize)> = None;
    while i < bytes.len() {
        let from_kanji =
            kanji && (i == 0 || text.is_char_boundary(i)) && kanji_at(text, i).is_some();
        if !(bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit())) && !from_kanji
        {
            i += 1;
            continue;
        }
        let (mut value, mut end, digits) = if bytes[i].is_ascii_digit() {
            let Some((v, e)) = digits_at(text, i) else {
                i += 1;
                continue;
            };
            (v, e, true)
        } else {
            let Some((v, e)) = kanji_at(text, i) else {
                i += 1;
                continue;
            };
            (v, e, false)
        };
        if digits && text[end..].starts_with('千') {
            value *= 1e3;
            end += '千'.len_utf8();
        }
        // (Kanji numerals read their myriads themselves.)
        let myriad_char = text[end..].chars().next().filter(|_| digits);
        let scale = myriad_char.and_then(myriad);
        if let (Some(s), Some(c)) = (scale, myriad_char) {
            value *= s;
            end += c.len_utf8();
        }
        match (open, out.last_mut()) {
            (Some((smallest, last_end)), Some(last))
                if last_end == i && scale.is_none_or(|s| s < smallest) =>
            {
                last.value += value;
                let start = end - last.surface.len() - (end - last_end);
                last.surface = text[start..end].to_string();
                last.currency = last
                    .currency
                    .or_else(|| currency_at(&text[end..], Lang::Ja, false));
                open = scale.map(|s| (s, end));
            }
            _ => {
                let mut number = Number::new(value, &text[i..end]);
                number.at = i;
                number.digits = digits;
                let before = &text[..i];
                let after = &text[end..];
                // 3割 is 30%.
                if after.starts_with('割') {
                    number.alternatives.push(value * 10.0);
                }
                // 令和7年 is 2025.
                for (era, offset) in [("令和", 2018.0), ("平成", 1988.0), ("昭和", 1925.0)] {
                    if before.ends_with(era) {
                        number.alternatives.push(value + offset);
                    }
                }
                // 94年 may be 1994; 午後3時 is 15:00.
                if end - i == 2 && digits && after.starts_with('年') {
                    number.alternatives.extend([1900.0 + value, 2000.0 + value]);
                }
                if before.ends_with("午後") && after.starts_with('時') && value < 12.0 {
                    number.alternatives.push(value + 12.0);
                }
                if after.starts_with(['%', '％']) {
                    number.surface.push('%');
                }
                number.currency = currency_at(before, Lang::Ja, true)
                    .or_else(|| currency_at(after, Lang::Ja, false));
                // 1ドル＝150円, 1株当たり50円: the unit of a rate, no amount.
                let unit = after
                    .trim_start_matches(|c: char| c.is_alphabetic() && !c.is_ascii())
                    .starts_with('=');
                if value == 1.0 && digits && (unit || after.starts_with('株')) {
                    number.name = true;
                    number.currency = None;
                }
                // 1～3月期, 4～6月: months of a quarter or a term, which a
                // translation names otherwise (`first quarter`).
                let range_sign = |c: char| matches!(c, '~' | '-' | '–' | '〜');
                // (Each end a number of a month's size.)
                let opens_range = after.starts_with(range_sign)
                    && small_number_before(text, end).is_some()
                    && after
                        .trim_start_matches(range_sign)
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with('月');
                let closes_range = after.starts_with('月')
                    && before.ends_with(range_sign)
                    && before
                        .trim_end_matches(range_sign)
                        .ends_with(|c: char| c.is_ascii_digit());
                if digits && (opens_range || closes_range) {
                    number.name = true;
                }
                out.push(number);
                open = scale.map(|s| (s, end));
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month_days(dates: &[Date]) -> Vec<(u32, u32)> {
        dates.iter().map(|d| (d.month, d.day)).collect()
    }

    #[test]
    fn dates_are_months_with_their_days() {
        assert_eq!(
            month_days(&dates(
                "Talks on March 4, on 5 April, the 21st of June and Dec. 1st; \
                 not in May 1993, March 4,000 or may 3.",
                Lang::En
            )),
            [(3, 4), (4, 5), (6, 21), (12, 1)]
        );
        let found = dates(
            "交渉は3月4日と十二月二十五日、４月１日に。3月の会合、5月12",
            Lang::Ja,
        );
        assert_eq!(month_days(&found), [(3, 4), (12, 25), (4, 1)]);
        assert_eq!(found[1].surface, "十二月二十五日");
        assert_eq!(found[0].written(Lang::En), "March 4");
        assert_eq!(found[1].written(Lang::Ja), "12月25日");
    }

    /// Ranges and lists give every day, on both sides; amounts, a sentence
    /// break and a heading's `May` give none (a code review).
    #[test]
    fn date_ranges_give_each_day() {
        assert_eq!(
            month_days(&dates(
                "March 4-5, 4 and 5 April, June 1, 2 and 3, 7 to 9 May, July 4 to 6, Aug. 1–2.",
                Lang::En
            )),
            [
                (3, 4),
                (3, 5),
                (4, 4),
                (4, 5),
                (6, 1),
                (6, 2),
                (6, 3),
                (5, 7),
                (5, 8),
                (5, 9),
                (7, 4),
                (7, 5),
                (7, 6),
                (8, 1),
                (8, 2)
            ]
        );
        // The days between a range's ends are meant, not written.
        let between: Vec<u32> = dates("March 4-6 and April 1", Lang::En)
            .iter()
            .filter(|d| d.between)
            .map(|d| d.day)
            .collect();
        assert_eq!(between, [5]);
        for text in [
            "Talks ended in March. 4 firms left.",
            "In March 4 million tons were shipped.",
            "In March 4% more.",
            "Article 4 May Apply.",
        ] {
            assert!(dates(text, Lang::En).is_empty(), "{text}");
        }
        assert_eq!(
            month_days(&dates(
                "3月4～5日、3月4日から10日まで、6月1、2日、7月1日と8月2日",
                Lang::Ja
            )),
            [
                (3, 4),
                (3, 5),
                (3, 4),
                (3, 5),
                (3, 6),
                (3, 7),
                (3, 8),
                (3, 9),
                (3, 10),
                (6, 1),
                (6, 2),
                (7, 1),
                (8, 2)
            ]
        );
    }

    fn values_of(numbers: &[Number]) -> Vec<f64> {
        numbers.iter().map(|n| n.value).collect()
    }

    fn all_values(numbers: &[Number]) -> Vec<f64> {
        numbers.iter().flat_map(|n| n.values()).collect()
    }

    #[test]
    fn english_numbers_take_their_scale_words() {
        let found = stated(
            "Tariffs rise to 25% on $1.2 billion of goods, 10,000 cars and 2.5 million tons in 1993.",
            Lang::En,
        );
        assert_eq!(values_of(&found), [25.0, 1.2e9, 1e4, 2.5e6, 1993.0]);
        assert_eq!(found[0].surface, "25%");
        assert_eq!(found[1].surface, "1.2 billion");
        assert_eq!(values_of(&stated("$5m and €300k", Lang::En)), [5e6, 3e5]);
        // Words count only on the side checked against.
        assert!(stated("Two days later, in April.", Lang::En).is_empty());
        assert_eq!(
            values_of(&given(
                "Two days later, on April 3, the first round; they may meet twenty-five \
                 times, two million people.",
                Lang::En
            )),
            [2.0, 4.0, 3.0, 1.0, 25.0, 2e6]
        );
        // A year in two digits after an apostrophe may be written whole.
        let year = stated("The President might scrub scheduled ’94 talks.", Lang::En);
        assert!(year[0].values().any(|v| v == 1994.0), "{year:?}");
    }

    /// Times, ranges, names, fractions: what a translation writes another
    /// way (a code review and a translator's review).
    #[test]
    fn english_numbers_written_otherwise() {
        let found = stated(
            "The meeting starts at 15:00, talks at 3 p.m. and 10:30.",
            Lang::En,
        );
        assert_eq!(values_of(&found), [15.0, 3.0, 10.0, 30.0]);
        assert!(found[1].values().any(|v| v == 15.0));
        assert!(found[3].values().any(|v| v == 0.5));
        let range = stated("Output rose 3-4 million tons.", Lang::En);
        assert!(range[0].values().any(|v| v == 3e6), "{range:?}");
        assert!(stated("COVID-19 and the F-35 fighter.", Lang::En).is_empty());
        assert_eq!(values_of(&stated("a 2½ percent tariff", Lang::En)), [2.5]);
        let fy = stated("in FY24", Lang::En);
        assert!(fy[0].values().any(|v| v == 2024.0));
    }

    #[test]
    fn japanese_numbers_take_their_myriads() {
        let found = stated(
            "関税は25％、1兆2000億円と250万台、3千人。２０２５年４月３日。1万2000人と123万4567件。",
            Lang::Ja,
        );
        assert_eq!(
            values_of(&found),
            [
                25.0, 1.2e12, 2.5e6, 3e3, 2025.0, 4.0, 3.0, 12000.0, 1234567.0
            ]
        );
        assert_eq!(found[1].surface, "1兆2000億");
        assert_eq!(found[7].surface, "1万2000");
        assert!(holds(&values_of(&given("12億ドル", Lang::Ja)), 1.2e9));
        assert!(!holds(&values_of(&given("1.5億円", Lang::Ja)), 1.5e12));
        // 割, era years, two-digit years, afternoon hours.
        let other = all_values(&stated("3割増、令和6年度、94年、午後3時", Lang::Ja));
        for v in [30.0, 2024.0, 1994.0, 15.0] {
            assert!(holds(&other, v), "{v}: {other:?}");
        }
        // Kanji numerals on the side checked against.
        assert!(stated("二十カ国", Lang::Ja).is_empty());
        assert_eq!(
            values_of(&given("二十カ国、一兆二千億円、二〇二四年", Lang::Ja)),
            [20.0, 1.2e12, 2024.0]
        );
    }
}
