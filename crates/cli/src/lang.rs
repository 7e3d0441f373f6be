//! Choosing a document's language when the user says `--lang auto`.
//!
//! kotoba reads English and Japanese, so auto mode chooses between them by
//! script: kana, or Han characters outnumbering other letters, make a text
//! Japanese (kotoba reads no Chinese, and kanji-only lines are common in
//! Japanese: headlines, terms, names); everything else is English.

use kotoba_text::detect::LanguageDetector;
use kotoba_text::segment::{SegmentLang, SentenceSpan, split_sentences};

use crate::args::LangArg;

/// How much of a document is read to identify its language.
const SAMPLE_BYTES: usize = 2048;

/// Letters a sample needs before a language other than English and
/// Japanese is believed: whatlang names short English Estonian, Turkish or
/// Portuguese ("Tariffs were raised.", "here", "Trade talks"), but is right
/// about every stretch of 200 letters of the seed article and of the docs.
const MIN_LETTERS_FOR_OTHER: usize = 200;

/// The start of `text`, at most `SAMPLE_BYTES`, cut on a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of the language to tokenize `text` as: `ja` or `en`, or
/// under `auto` another language only when whatlang identifies it reliably
/// from at least `MIN_LETTERS_FOR_OTHER` letters.
///
/// The exception is kept because a French or German report tokenized with
/// the English stemmer gets wrong stems and a wrong `lang`, while its own
/// Snowball stemmer serves it well; it is that narrow because whatlang's
/// guesses on short text are mostly wrong, and a wrong guess costs an
/// English text its stems and stop words (`tariffs`, `were`, `here` → `her`).
pub fn resolve(arg: LangArg, detector: &LanguageDetector, text: &str) -> &'static str {
    match arg {
        LangArg::En => "en",
        LangArg::Ja => "ja",
        LangArg::Auto => {
            let sample = sample(text);
            let counts = Counts::of(sample);
            if counts.family() == "ja" {
                return "ja";
            }
            if counts.letters() < MIN_LETTERS_FOR_OTHER {
                return "en";
            }
            match detector.detect(sample) {
                // Japanese and Chinese answers come from Han or kana, which
                // the script count above has weighed already.
                Some(d) if d.reliable && !matches!(d.lang, "ja" | "zh") => d.lang,
                _ => "en",
            }
        }
    }
}

/// The rule family of `text` (`ja` or `en`) for commands that only tell
/// Japanese-style text from the rest (sentences, summaries): by script
/// alone, which is far cheaper than identifying the language.
pub fn family(arg: LangArg, text: &str) -> &'static str {
    match arg {
        LangArg::En => "en",
        LangArg::Ja => "ja",
        LangArg::Auto => Counts::of(sample(text)).family(),
    }
}

/// Letters a sample needs before its script is said to contradict a
/// language the user gave.
const MIN_LETTERS_TO_CONTRADICT: usize = 20;

/// The family (`en` or `ja`) that the script of `text` reads as, when it is
/// not the one `arg` forces (`--lang en` on a Japanese text, which then is
/// not split at 。): `None` under `auto` or when they agree.
pub fn contradicted(arg: LangArg, text: &str) -> Option<&'static str> {
    let forced = match arg {
        LangArg::En => "en",
        LangArg::Ja => "ja",
        LangArg::Auto => return None,
    };
    let counts = Counts::of(sample(text));
    let read = counts.family();
    (read != forced && counts.letters() >= MIN_LETTERS_TO_CONTRADICT).then_some(read)
}

/// Letters of a sample by script.
#[derive(Debug, Default)]
struct Counts {
    kana: usize,
    han: usize,
    other: usize,
}

impl Counts {
    fn of(sample: &str) -> Counts {
        let mut counts = Counts::default();
        if sample.is_ascii() {
            counts.other = sample.bytes().filter(u8::is_ascii_alphabetic).count();
            return counts;
        }
        for c in sample.chars() {
            match c as u32 {
                0x3041..=0x30FF | 0xFF66..=0xFF9D => counts.kana += 1,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                    counts.han += 1
                }
                _ if c.is_alphabetic() => counts.other += 1,
                _ => {}
            }
        }
        counts
    }

    fn letters(&self) -> usize {
        self.kana + self.han + self.other
    }

    /// `ja` when kana make up at least a tenth of the letters (Japanese
    /// prose has far more; an English paper quoting a Japanese word has far
    /// less) or Han characters and kana outnumber other letters (kanji-only
    /// Japanese, which kotoba does not mistake for Chinese: it reads none),
    /// else `en`.
    fn family(&self) -> &'static str {
        if (self.kana > 0 && self.kana * 10 >= self.letters()) || self.kana + self.han > self.other
        {
            "ja"
        } else {
            "en"
        }
    }
}

/// Blocks of text separated by blank lines, trimmed, as byte ranges.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    // Lines end at CR alone and the Unicode separators too; a paragraph
    // separator (U+2029) or form feed ends the paragraph by itself.
    for (line_start, line_end, ends_paragraph) in kotoba_text::segment::line_ranges(text) {
        let line = &text[line_start..line_end];
        let content = line.trim_end();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(line_start + lead);
            end = line_start + content.len();
        }
        if ends_paragraph && let Some(s) = start.take() {
            out.push((s, end));
        }
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

/// The sentences of `text` under the rules `arg` names, or with `Auto`
/// under each paragraph's own: a document with English and Japanese
/// paragraphs has its Japanese split at 。 and its English at periods (the
/// whole document's rules left one of them in one piece). A document whose
/// paragraphs all read alike is split as one text, as before.
pub fn sentence_spans(arg: LangArg, text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    for (s, e, f) in family_parts(arg, text) {
        out.extend(
            split_sentences(&text[s..e], segment_lang(f))
                .into_iter()
                .map(|span| SentenceSpan {
                    start: s + span.start,
                    end: s + span.end,
                }),
        );
    }
    out
}

/// `text` as stretches of one rule family each (byte ranges with `ja` or
/// `en`): the whole text in one piece, unless `arg` is `Auto` and its
/// paragraphs differ, when each paragraph is one. A paragraph without
/// letters (`***`, `1993`) goes with the whole text.
pub fn family_parts(arg: LangArg, text: &str) -> Vec<(usize, usize, &'static str)> {
    let whole = family(arg, text);
    if arg != LangArg::Auto || text.is_ascii() {
        return vec![(0, text.len(), whole)];
    }
    let paragraphs: Vec<(usize, usize)> = paragraphs(text)
        .into_iter()
        .flat_map(|p| line_runs(text, p))
        .collect();
    let families: Vec<&'static str> = paragraphs
        .iter()
        .map(|&(s, e)| {
            let counts = Counts::of(&text[s..e]);
            if counts.letters() == 0 {
                whole
            } else {
                counts.family()
            }
        })
        .collect();
    if families.iter().all(|f| *f == whole) {
        return vec![(0, text.len(), whole)];
    }
    paragraphs
        .into_iter()
        .zip(families)
        .map(|((s, e), f)| (s, e, f))
        .collect()
}

/// The paragraph `span` of `text` as runs of lines of one family each:
/// English lines followed by Japanese ones with no blank line between
/// (a page pasted line by line) are two stretches, each tokenized and split
/// in its own language (a review found the Japanese cut into single
/// characters). A single line of the other family (an English quotation on
/// its line, a name list) stays with the lines around it, as a wrapped
/// sentence may put a few Latin words on a line of their own; lines
/// without letters go with the run before them.
fn line_runs(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let block = &text[start..end];
    let lines: Vec<(usize, usize, Option<&'static str>)> = kotoba_text::segment::line_ranges(block)
        .into_iter()
        .map(|(s, e, _)| {
            let counts = Counts::of(&block[s..e]);
            let family = (counts.letters() > 0).then(|| counts.family());
            (start + s, start + e, family)
        })
        .collect();
    // Runs of lines: (first line, last line, family).
    let mut runs: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
    for (i, &(_, _, family)) in lines.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if family.is_none() || run.2.is_none() || run.2 == family => {
                run.1 = i;
                run.2 = run.2.or(family);
            }
            _ => runs.push((i, i, family)),
        }
    }
    // A one-line run goes with the run before it (or after it, first).
    let mut merged: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
    for run in runs {
        let lone = run.0 == run.1;
        match merged.last_mut() {
            Some(last) if lone || last.0 == last.1 && last.2 != run.2 => {
                last.1 = run.1;
                if !lone {
                    last.2 = run.2;
                }
            }
            Some(last) if last.2 == run.2 => last.1 = run.1,
            _ => merged.push(run),
        }
    }
    if merged.len() < 2 {
        return vec![(start, end)];
    }
    merged
        .into_iter()
        .map(|(first, last, _)| (lines[first].0, lines[last].1))
        .collect()
}

/// Sentence rules for a language: CJK full stops or Latin punctuation.
pub fn segment_lang(code: &str) -> SegmentLang {
    match code {
        "ja" => SegmentLang::Japanese,
        _ => SegmentLang::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(text: &str) -> &'static str {
        resolve(LangArg::Auto, &LanguageDetector::new(), text)
    }

    #[test]
    fn family_needs_a_real_share_of_kana() {
        assert_eq!(family(LangArg::Auto, "日本は貿易黒字を減らす。"), "ja");
        let quoting = "This English paper on trade statistics quotes the Japanese word ぼうえき once, \
            and otherwise discusses tariffs, quotas and balances in English throughout.";
        assert_eq!(family(LangArg::Auto, quoting), "en");
        assert_eq!(family(LangArg::Auto, "plain ASCII"), "en");
        assert_eq!(family(LangArg::Auto, ""), "en");
    }

    #[test]
    fn han_only_text_is_japanese() {
        for text in [
            "貿易黒字",
            "日米貿易協議",
            "日米包括経済協議。対日制裁。",
            "中国的贸易顺差扩大了",
        ] {
            assert_eq!(family(LangArg::Auto, text), "ja", "{text}");
            assert_eq!(auto(text), "ja", "{text}");
        }
        // A Han term quoted in English stays English.
        assert_eq!(auto("The term 貿易黒字 means trade surplus."), "en");
    }

    #[test]
    fn short_latin_text_is_english_whatever_whatlang_guesses() {
        // whatlang: Estonian, Turkish, Portuguese, French.
        for text in [
            "Tariffs were raised.",
            "here",
            "Trade talks",
            "Le tarif",
            "Привет",
        ] {
            assert_eq!(auto(text), "en", "{text}");
        }
        assert_eq!(auto("1993 — 42 %"), "en");
    }

    #[test]
    fn long_reliable_other_languages_keep_their_own() {
        let french = "Les négociations commerciales entre le Japon et les États-Unis ont repris \
            cette semaine à Washington. Le gouvernement américain demande que le Japon ouvre \
            davantage son marché aux produits étrangers, notamment les voitures et les pièces \
            détachées, et réduise son excédent commercial.";
        assert!(Counts::of(french).letters() >= MIN_LETTERS_FOR_OTHER);
        assert_eq!(auto(french), "fr");
        // A long English text stays English.
        let english = "Japan and the United States resumed their trade talks this week in \
            Washington. The American government asks Japan to open its market further to \
            foreign products, notably cars and car parts, and to reduce its trade surplus \
            with the United States.";
        assert!(Counts::of(english).letters() >= MIN_LETTERS_FOR_OTHER);
        assert_eq!(auto(english), "en");
    }

    #[test]
    fn explicit_languages_are_obeyed() {
        let d = LanguageDetector::new();
        assert_eq!(resolve(LangArg::En, &d, "貿易黒字"), "en");
        assert_eq!(resolve(LangArg::Ja, &d, "Tariffs"), "ja");
    }

    #[test]
    fn paragraphs_are_blank_line_blocks() {
        let text = "  one\nstill one\n\n \ntwo  \n";
        let spans: Vec<&str> = paragraphs(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(spans, ["one\nstill one", "two"]);
    }

    /// A document with an English and a Japanese paragraph: each split by
    /// its own rules (a review found the Japanese left in one piece).
    #[test]
    fn mixed_documents_split_each_paragraph_by_its_own_rules() {
        let text = "Japan said tariffs on U.S. beef would be cut. The ministry released a statement.\n\n\
                    政府は米国産牛肉の関税を引き下げる。政府調達の規則も改正する。\n\nU.S. officials welcomed it.\n";
        let spans: Vec<&str> = sentence_spans(LangArg::Auto, text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            spans,
            [
                "Japan said tariffs on U.S. beef would be cut.",
                "The ministry released a statement.",
                "政府は米国産牛肉の関税を引き下げる。",
                "政府調達の規則も改正する。",
                "U.S. officials welcomed it."
            ]
        );
        // Told the language, the rules are those of the language.
        assert_eq!(sentence_spans(LangArg::En, text).len(), 4);
    }

    /// English lines followed by Japanese ones with no blank line between
    /// are two stretches, each in its own language; a single line of the
    /// other family stays with its neighbours.
    #[test]
    fn a_paragraph_of_english_then_japanese_lines_is_two_stretches() {
        let english =
            "Japan said tariffs on beef would be cut.\nThe ministry released a statement.\n";
        let japanese = "政府は米国産牛肉の関税を引き下げる。\n政府調達の規則も改正する。\n";
        let text = format!("{english}{japanese}");
        let parts = family_parts(LangArg::Auto, &text);
        let read: Vec<(&str, &str)> = parts.iter().map(|&(s, e, f)| (&text[s..e], f)).collect();
        assert_eq!(
            read,
            [(english.trim_end(), "en"), (japanese.trim_end(), "ja")],
            "{read:?}"
        );
        // One English line inside Japanese lines: one stretch.
        let text =
            "政府は関税を引き下げる方針だ。\nSection 301 investigation\nについて米国と協議する。\n";
        assert_eq!(family_parts(LangArg::Auto, text), [(0, text.len(), "ja")]);
    }
}
