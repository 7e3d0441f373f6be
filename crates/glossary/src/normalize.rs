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
    en_words(s)
        .iter()
        .map(String::as_str)
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

/// Whether two English terms are the same words up to inflection, case
/// and width: each word of one is an inflected form of the other's word in
/// its place (`tariffs`, `tariff`; `exported`, `export`; `rules`,
/// `ruling`), never a derivation sharing its stem (`tariffication` is no
/// `tariff`, `exporter` no `export`, `protectionism` no `protection`), as
/// Snowball stems would have it.
pub fn inflected_alike(a: &str, b: &str) -> bool {
    let (a, b) = (en_words(a), en_words(b));
    !a.is_empty()
        && a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| words_inflected_alike(x, y))
}

/// Whether the words of `long` hold those of `short` in a row, each an
/// inflected form of the other's (see [`inflected_alike`]): `multilateral
/// trade negotiations` holds `negotiation`; `trade negotiations` does not
/// hold `trade negotiator`.
pub fn holds_inflected(long: &str, short: &str) -> bool {
    let (long, short) = (en_words(long), en_words(short));
    !short.is_empty()
        && long.windows(short.len()).any(|w| {
            w.iter()
                .zip(&short)
                .all(|(x, y)| words_inflected_alike(x, y))
        })
}

/// Whether two lowercase words are inflected forms of one base.
fn words_inflected_alike(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let bases = inflection_bases(b);
    inflection_bases(a).iter().any(|x| bases.contains(x))
}

/// The words of an English term as [`key_en`] splits them, unstemmed:
/// NFKC, lowercase, a possessive `'s` left out.
pub(crate) fn en_words(s: &str) -> Vec<String> {
    let text: String = s
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("'s").to_string())
        .collect()
}

/// The words a lowercase word may be an inflection of, itself included:
/// plural (`-s`, `-es`, `-ies`, irregular `crises`), third person, past
/// and participles (`-ed`, `-ied`, `-ing`, a doubled consonant, a dropped
/// `e`). Candidates only: two words are alike when they share one.
pub(crate) fn inflection_bases(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    match kotoba_tokenize::words::irregular_singular(word) {
        Some(one) if one == word => return out,
        Some(one) => out.push(one.to_string()),
        None => {}
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es").filter(|s| s.len() >= 2) {
        out.push(stem.to_string());
    }
    if let Some(stem) = word
        .strip_suffix('s')
        .filter(|s| s.len() >= 2 && !s.ends_with('s'))
    {
        out.push(stem.to_string());
    }
    out.extend(verb_bases(word));
    out
}

/// The words `word` may be a form of as a verb: `pledged` → `pledge`,
/// `pledg`; `banned` → `ban`; `subsidized` → `subsidize`; `tried` → `try`;
/// `opening` → `open`, `opene`. Only candidates: the glossary says which
/// are words.
pub(crate) fn verb_bases(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for ending in ["ed", "ing"] {
        let Some(stem) = word.strip_suffix(ending).filter(|s| s.len() >= 2) else {
            continue;
        };
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        if let Some(y) = stem.strip_suffix('i').filter(|_| ending == "ed") {
            out.push(format!("{y}y"));
        }
        let b = stem.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(stem[..stem.len() - 1].to_string());
        }
    }
    out
}

/// Old character forms and today's, from `data/kyujitai.tsv`.
const KYUJITAI: &str = include_str!("../data/kyujitai.tsv");

/// The table of `data/kyujitai.tsv`, old form to new; a line that is not
/// two characters of the same UTF-8 length is passed over (a test reads
/// every line), so folding never moves an offset.
fn kyujitai_table() -> &'static std::collections::HashMap<char, char> {
    static TABLE: OnceLock<std::collections::HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        KYUJITAI
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (old, new) = l.split_once('\t')?;
                let (mut old, mut new) = (old.trim().chars(), new.trim().chars());
                let (o, n) = (old.next()?, new.next()?);
                (old.next().is_none() && new.next().is_none() && o.len_utf8() == n.len_utf8())
                    .then_some((o, n))
            })
            .collect()
    })
}

/// A character in its new form (`經` → `経`, `濟` → `済`), after
/// `data/kyujitai.tsv`; any other character as it is.
pub fn shinjitai_char(c: char) -> char {
    if (c as u32) < 0x3400 {
        return c;
    }
    kyujitai_table().get(&c).copied().unwrap_or(c)
}

/// `text` with old character forms written in the new ones (經濟産業省 →
/// 経済産業省): the same length in bytes, every offset where it was;
/// borrowed when there is none.
pub fn shinjitai(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || text.chars().all(|c| shinjitai_char(c) == c) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(shinjitai_char).collect())
}

/// Japanese key: NFKC (half-width kana become full-width, full-width Latin
/// becomes ASCII), katakana as hiragana, Latin lowercase, no spaces and no
/// middle dots (`ｾｰﾌｶﾞｰﾄﾞ` and `セーフガード` → `せーふがーど`;
/// `ダンピング・マージン` → `だんぴんぐまーじん`).
///
/// Katakana written the old or the OCR'd way is folded too: small vowel kana
/// as large ones (`ソフトウエア` and `ソフトウェア`, `ウルグァイ` and
/// `ウルグアイ`), and a hyphen or minus after a kana as the long-vowel mark
/// (`セ－フガ－ド` → `せーふがーど`); see [`large_vowel`] and
/// [`stands_for_long_vowel`]. Old character forms are read as new ones
/// (`經濟` → `経済`; [`shinjitai`]).
pub fn key_ja(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s
        .nfkc()
        .filter(|c| !c.is_whitespace() && *c != '・')
        .flat_map(char::to_lowercase)
        .map(shinjitai_char)
        .map(to_hiragana)
        .map(large_vowel)
    {
        let after_kana = out
            .chars()
            .next_back()
            .is_some_and(|k| matches!(k, '\u{3041}'..='\u{3096}' | 'ー'));
        out.push(if after_kana && stands_for_long_vowel(c) {
            'ー'
        } else {
            c
        });
    }
    out
}

/// A small vowel kana as the large one (`ァ` → `ア`, `ぇ` → `え`): loanwords
/// are written both ways (ソフトウェア, ソフトウエア; ウェーバー, ウエーバー),
/// older and official texts mostly large. Same length in UTF-8; other
/// characters unchanged.
pub fn large_vowel(c: char) -> char {
    match c {
        'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' => {
            char::from_u32(c as u32 + 1).unwrap_or(c)
        }
        _ => c,
    }
}

/// Characters that legacy and OCR'd text writes for the long-vowel mark ー
/// after katakana (`セ－フガ－ド`): the hyphen-minus (NFKC makes the
/// full-width minus one), the minus sign and Unicode's hyphens.
pub fn stands_for_long_vowel(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{FF0D}')
}

/// Han characters (kanji) of the basic block, extension A and the
/// compatibility block.
pub fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Hiragana that may be okurigana: not a particle, which also stands
/// between kanji (関税の引き下げ, 日米が合意).
fn okurigana_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
        && !matches!(
            c,
            'の' | 'が' | 'を' | 'に' | 'は' | 'と' | 'で' | 'へ' | 'や' | 'も' | 'か'
        )
}

/// `text` with each run of one or two okurigana kana between two kanji left
/// out (`割り当て` → `割当て`), and for each byte of the result the byte of
/// `text` it comes from (one more entry: the end). `None` when nothing was
/// left out.
pub fn okurigana_skeleton(text: &str) -> Option<(String, Vec<usize>)> {
    // Most text has nothing to leave out (English, kana, kanji compounds):
    // it is scanned once and nothing is allocated.
    let first = droppable_runs(text).next()?;
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len() + 1);
    let mut copied = 0;
    for (start, end) in std::iter::once(first)
        .chain(droppable_runs(&text[first.1..]).map(|(s, e)| (s + first.1, e + first.1)))
    {
        out.push_str(&text[copied..start]);
        from.extend(copied..start);
        copied = end;
    }
    out.push_str(&text[copied..]);
    from.extend(copied..text.len());
    from.push(text.len());
    Some((out, from))
}

/// The byte ranges of `text` that are runs of one or two okurigana kana
/// between two kanji, in order.
fn droppable_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut previous_kanji = false;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            if previous_kanji && okurigana_kana(c) {
                // The run: this kana and at most one more, then a kanji.
                let mut end = at + c.len_utf8();
                let mut run = 1;
                while let Some(&(k, n)) = chars.peek().filter(|(_, n)| okurigana_kana(*n)) {
                    run += 1;
                    end = k + n.len_utf8();
                    chars.next();
                }
                previous_kanji = false;
                if run <= 2 && chars.peek().is_some_and(|&(_, n)| is_kanji(n)) {
                    return Some((at, end));
                }
                continue;
            }
            previous_kanji = is_kanji(c);
        }
        None
    })
}

/// `term` with the okurigana between two kanji left out, as official
/// Japanese writes compounds (公用文: `引き下げ` → `引下げ`, `割り当て` →
/// `割当て`, `取り決め` → `取決め`); `None` when it has none.
pub fn without_inner_okurigana(term: &str) -> Option<String> {
    okurigana_skeleton(term).map(|(s, _)| s)
}

/// `term` without the okurigana that end it after a kanji, as official
/// Japanese writes some nouns (`手続き` → `手続`, `割当て` → `割当`);
/// `None` when it has none or would be left with one character.
pub fn without_final_okurigana(term: &str) -> Option<String> {
    let trimmed = term.trim_end_matches(okurigana_kana);
    let cut = term.len() - trimmed.len();
    let kana = term[trimmed.len()..].chars().count();
    (cut > 0
        && kana <= 2
        && trimmed.chars().next_back().is_some_and(is_kanji)
        && trimmed.chars().count() >= 2)
        .then(|| trimmed.to_string())
}

/// `form` with な after each 的 that makes an adjective of the kanji before
/// it and stands before a noun (kanji or katakana): `実質的損害` →
/// `実質的な損害`, `多角的貿易体制` → `多角的な貿易体制`; `None` when it has
/// none.
pub(crate) fn with_na_after_teki(form: &str) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    let mut out = String::with_capacity(form.len() + 6);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i + 1).copied();
        if c == '的'
            && before.is_some_and(is_kanji)
            && after.is_some_and(|a| is_kanji(a) || (is_katakana(a) && a != 'ー'))
        {
            out.push('な');
            changed = true;
        }
    }
    changed.then_some(out)
}

/// A Japanese spelling with the usual variation folded away, for lookups:
/// okurigana between and after kanji left out (`割り当て`, `割当て` →
/// `割当`), the counter 国 written one way (`7ヶ国`, `7カ国` → `7か国`), and
/// the long vowel ending a katakana word of three or more kana left out
/// (`コンピューター` → `コンピュータ`). Other characters as written.
pub fn spelling_key(term: &str) -> String {
    let mut s: String = term.nfkc().collect();
    for (counter, spellings) in COUNTERS {
        for other in spellings.iter().skip(1) {
            s = s.replace(other, counter);
        }
    }
    let s = without_inner_okurigana(&s).unwrap_or(s);
    let s = without_final_okurigana(&s).unwrap_or(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let word_ends = chars.get(i + 1).is_none_or(|&n| !is_katakana(n));
        let kana_before = chars[..i]
            .iter()
            .rev()
            .take_while(|&&k| is_katakana(k))
            .count();
        if c == 'ー' && word_ends && kana_before >= 3 {
            continue;
        }
        out.push(c);
    }
    out
}

/// The ways `form` may be written with its numbers in kanji: digit for
/// digit, as vertical text writes them (`301` → `三〇一`), and with the
/// place values 十, 百 and 千, as official documents write them (`301` →
/// `三百一`, `10` → `十`). Only numbers where no Latin letter or digit
/// stands beside them (`G7` stays) and, for place values, below 10,000 and
/// without a leading zero. Empty when `form` has no such number; a form
/// that both ways write alike (`7` → `七`) comes once.
pub fn kanji_forms(form: &str) -> Vec<String> {
    let mut forms = Vec::with_capacity(2);
    for place_values in [false, true] {
        if let Some(kanji) = numbers_in_kanji(form, place_values)
            && !forms.contains(&kanji)
        {
            forms.push(kanji);
        }
    }
    forms
}

/// The kanji for the digits 0 to 9.
const KANJI_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `form` with each free-standing number in kanji, digit for digit or with
/// place values; `None` when no number changed.
fn numbers_in_kanji(form: &str, place_values: bool) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    let mut out = String::with_capacity(form.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let digits: Vec<u8> = chars[i..i + run].iter().map(|d| *d as u8 - b'0').collect();
        let free =
            !latin(i.checked_sub(1).and_then(|b| chars.get(b))) && !latin(chars.get(i + run));
        let kanji = if !free {
            None
        } else if place_values {
            with_place_values(&digits)
        } else {
            Some(
                digits
                    .iter()
                    .map(|&d| KANJI_DIGITS[usize::from(d)])
                    .collect(),
            )
        };
        match kanji {
            Some(k) => {
                out.push_str(&k);
                changed = true;
            }
            None => out.extend(&chars[i..i + run]),
        }
        i += run;
    }
    changed.then_some(out)
}

/// A number of one to four digits with the place values 千, 百 and 十:
/// `301` → `三百一`, `1974` → `千九百七十四`, `20` → `二十`; a place of one
/// is written without 一 (`十`, not `一十`). `None` for zero, for a leading
/// zero and from five digits on.
fn with_place_values(digits: &[u8]) -> Option<String> {
    const PLACES: [&str; 4] = ["千", "百", "十", ""];
    if digits.is_empty() || digits.len() > 4 || digits[0] == 0 {
        return None;
    }
    let mut out = String::new();
    for (k, &d) in digits.iter().enumerate() {
        let place = PLACES[4 - digits.len() + k];
        match d {
            0 => {}
            1 if !place.is_empty() => out.push_str(place),
            _ => {
                out.push(KANJI_DIGITS[usize::from(d)]);
                out.push_str(place);
            }
        }
    }
    Some(out)
}

/// The spellings of counters: the first is the one [`spelling_key`] keeps.
pub const COUNTERS: [(&str, [&str; 6]); 3] = [
    ("か国", ["か国", "カ国", "ヶ国", "ヵ国", "箇国", "ケ国"]),
    ("か月", ["か月", "カ月", "ヶ月", "ヵ月", "箇月", "ケ月"]),
    ("か所", ["か所", "カ所", "ヶ所", "ヵ所", "箇所", "ケ所"]),
];

/// Katakana, the long-vowel mark ー and the iteration marks: the letters of
/// one katakana word. The middle dot ・ is not one of them: it is written
/// between words (セーフガード・メカニズム), as a space is in English.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
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

/// The endings after `iz`/`yz` of a word that British spelling writes with
/// `is`/`ys` (`liberalization`, `harmonized`, `analyze`): `-ize`, `-ized`,
/// `-izes`, `-izing`, `-ization(s)`, `-izer(s)`.
const IZE_ENDINGS: [&str; 9] = [
    "e", "ed", "es", "ing", "er", "ers", "ation", "ations", "ational",
];

/// `term` with each word in `-ize`, `-ization`, `-yze` … written the
/// British way (`liberalization` → `liberalisation`, `Japan External Trade
/// Organization` → `… Organisation`, `analyzed` → `analysed`); `None` when
/// it has no such word. Only words with at least three letters before the
/// `iz`/`yz` (`size`, `seize`, `prize`, `maize` stay): the British form is
/// made from a glossary term, so no general word in `-ise` (`rise`,
/// `exercise`, `enterprise`, `promise`) is ever taken for one.
pub fn british_spelling(term: &str) -> Option<String> {
    let mut out = String::with_capacity(term.len());
    let mut changed = false;
    let mut rest = term;
    while !rest.is_empty() {
        let letters = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if letters == 0 {
            let c = rest.chars().next()?;
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..letters];
        match british_word(word) {
            Some(b) => {
                out.push_str(&b);
                changed = true;
            }
            None => out.push_str(word),
        }
        rest = &rest[letters..];
    }
    changed.then_some(out)
}

/// One ASCII word of [`british_spelling`], case kept.
fn british_word(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    let at = IZE_ENDINGS.iter().find_map(|ending| {
        let head = lower.strip_suffix(ending)?;
        let stem = head
            .strip_suffix("iz")
            .or_else(|| head.strip_suffix("yz"))?;
        (stem.len() >= 3).then_some(head.len() - 1)
    })?;
    let mut out = word.to_string();
    let s = if word.as_bytes()[at] == b'Z' {
        "S"
    } else {
        "s"
    };
    out.replace_range(at..=at, s);
    Some(out)
}

/// Inflected forms of an English term: its last word's plural (by suffix
/// rules, or kotoba-tokenize's irregular plurals: `crises`, `embargoes`;
/// an acronym's with `s`: `FTAs`), and the same forms spelt the British
/// way where the term has a word in `-ize`, `-ization` or `-yze` (see
/// [`british_spelling`]).
pub fn english_forms(term: &str) -> Vec<String> {
    let mut forms = english_forms_as_spelt(term);
    if let Some(british) = british_spelling(term) {
        forms.extend(english_forms_as_spelt(&british));
        forms.sort();
        forms.dedup();
    }
    forms
}

/// [`english_forms`] in the term's own spelling.
fn english_forms_as_spelt(term: &str) -> Vec<String> {
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
    // (`free-trade agreement`, `balance-of-payments deficit`,
    // `non-tariff-barrier issues` for a term with a hyphen of its own):
    // each space between two words may be a hyphen, for terms of up to
    // five words.
    if (1..=4).contains(&base.matches(' ').count()) {
        let more: Vec<String> = forms
            .iter()
            .flat_map(|f| {
                let spaced = f.matches(' ').count().min(4);
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
    fn numbers_are_written_in_kanji_both_ways() {
        assert_eq!(kanji_forms("301条"), ["三〇一条", "三百一条"]);
        assert_eq!(
            kanji_forms("1974年通商法"),
            ["一九七四年通商法", "千九百七十四年通商法"]
        );
        assert_eq!(kanji_forms("主要7か国"), ["主要七か国"]);
        assert_eq!(kanji_forms("10年"), ["一〇年", "十年"]);
        assert_eq!(kanji_forms("20"), ["二〇", "二十"]);
        assert_eq!(kanji_forms("110"), ["一一〇", "百十"]);
        assert_eq!(kanji_forms("2000"), ["二〇〇〇", "二千"]);
        // A leading zero, zero itself and five digits have no place-value form.
        assert_eq!(kanji_forms("007"), ["〇〇七"]);
        assert_eq!(kanji_forms("0"), ["〇"]);
        assert_eq!(kanji_forms("12345"), ["一二三四五"]);
        // Numbers joined to Latin letters stay.
        assert!(kanji_forms("G7サミット").is_empty());
        assert!(kanji_forms("関税").is_empty());
    }

    #[test]
    fn okurigana_skeletons_map_back_to_the_text() {
        let text = "関税割り当てが";
        let (skeleton, from) = okurigana_skeleton(text).unwrap_or_default();
        assert_eq!(skeleton, "関税割当てが");
        assert_eq!(from.len(), skeleton.len() + 1);
        // 当 comes from after り.
        let at = skeleton.find('当').unwrap_or(0);
        assert_eq!(&text[from[at]..], "当てが");
        assert_eq!(okurigana_skeleton("日米の関税"), None);
        assert_eq!(
            okurigana_skeleton("輸出した製品").map(|(s, _)| s),
            Some("輸出製品".to_string())
        );
        assert_eq!(without_final_okurigana("手続き").as_deref(), Some("手続"));
        assert_eq!(without_final_okurigana("見直し").as_deref(), Some("見直"));
        assert_eq!(without_final_okurigana("貸しが"), None);
        assert_eq!(without_final_okurigana("出し"), None);
        assert_eq!(spelling_key("関税割り当て"), spelling_key("関税割当"));
        assert_eq!(spelling_key("主要7ヶ国"), "主要7か国");
        assert_eq!(spelling_key("コンピューター"), "コンピュータ");
        assert_eq!(spelling_key("カー"), "カー");
    }

    /// Every line of `data/kyujitai.tsv` is read: two characters of the same
    /// length, an old form that is no new one (a chain would fold twice).
    #[test]
    fn every_old_form_is_read_and_keeps_offsets() {
        let lines = KYUJITAI
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let table = kyujitai_table();
        assert_eq!(table.len(), lines);
        for new in table.values() {
            assert!(!table.contains_key(new), "{new}");
        }
        assert_eq!(shinjitai("經濟産業省の關税"), "経済産業省の関税");
        assert_eq!(key_ja("經濟産業省"), key_ja("経済産業省"));
        assert!(matches!(shinjitai("経済"), std::borrow::Cow::Borrowed(_)));
    }

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

    /// Each of `want` is among the English forms of `term`.
    fn assert_forms(term: &str, want: &[&str]) {
        let forms = english_forms(term);
        for f in want {
            assert!(forms.contains(&f.to_string()), "{f}: {forms:?}");
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
        assert_forms(
            "free trade agreement",
            &[
                "free-trade agreement",
                "free-trade agreements",
                "free trade-agreement",
            ],
        );
        assert!(english_forms("balance of payments").contains(&"balance-of-payments".to_string()));
        // A term with a hyphen of its own, as a compound modifier (a
        // terminologist's review found `non-tariff-barrier issues` passed).
        assert_forms(
            "non-tariff barrier",
            &[
                "non-tariff-barrier",
                "nontariff-barrier",
                "non-tariff-barriers",
            ],
        );
        assert!(english_forms("anti-dumping duty").contains(&"anti-dumping-duty".to_string()));
        assert_eq!(key_en("financial crises"), key_en("financial crisis"));
        assert_eq!(key_en("trade surpluses"), key_en("trade surplus"));
        assert_ne!(key_en("customs"), key_en("custom"));
    }

    /// British spellings of the glossary's `-ize` terms were no forms of
    /// them (a terminologist's review): made only from words in `-ize`,
    /// `-ization`, `-yze`, never from a general word in `-ise`.
    #[test]
    fn british_spellings_of_ize_words() {
        for (term, british) in [
            ("liberalization", Some("liberalisation")),
            (
                "Japan External Trade Organization",
                Some("Japan External Trade Organisation"),
            ),
            ("Harmonized System", Some("Harmonised System")),
            ("analyze", Some("analyse")),
            ("analyzed", Some("analysed")),
            ("industrializing", Some("industrialising")),
            ("subsidizes", Some("subsidises")),
            ("ORGANIZATION", Some("ORGANISATION")),
            ("size", None),
            ("seize", None),
            ("maize", None),
            ("prize", None),
            ("promise", None),
            ("enterprise", None),
            ("tariff", None),
        ] {
            assert_eq!(british_spelling(term).as_deref(), british, "{term}");
        }
        let forms = english_forms("capital liberalization");
        for f in [
            "capital liberalisation",
            "capital-liberalisation",
            "capital liberalisations",
        ] {
            assert!(forms.contains(&f.to_string()), "{f}: {forms:?}");
        }
        assert_eq!(english_forms("enterprise"), ["enterprise", "enterprises"]);
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
