//! Words broken with a hyphen at the end of a line, as printed columns and
//! text taken from PDFs break them: `sup-⏎ported` is one word, `supported`,
//! and `long-⏎term` is `long-term`. Which of the two a break is comes from
//! the document first (does it write `semiconductors` or `semi-conductors`
//! elsewhere?), then from general English: a closed form common enough to
//! be a word of its own, or inflecting one, is the word (`discussed`,
//! `controls`, `shipyards`), as is any closed form the word list has after
//! a head of three letters or fewer, mostly a prefix's syllable
//! (`re-⏎payments`, `car-⏎makers`); two halves that are both common words
//! keep their hyphen (`anti-dumping`, `self-sufficiency`); anything else
//! was split into syllables. A word in lower case broken before a capital
//! is none: a running header stands between (`con-⏎TRADE POLICY REVIEW`).

use std::collections::HashMap;

use super::scan::{char_at, char_before};
use crate::wordlist::english_zipf;

/// The Zipf frequency from which a closed form (`controls`) or each half of
/// a hyphenated one (`long`, `term`) counts as a common English word: about
/// one use in a million words. Syllables a wrap leaves are mostly rarer
/// (`trols`, `cussed`), though some reach it (`ment` 3.1, `ing` 4.0), which
/// is why the closed form is asked first.
const COMMON_WORD: f32 = 3.0;

/// The hyphens of one document that break a word at the end of a line,
/// each with whether the word keeps it. Found once per document
/// ([`LineEndHyphens::find`]); [`super::sentence_text`] and
/// [`LineEndHyphens::rejoin`] use them.
///
/// ```
/// use kotoba_text::segment::LineEndHyphens;
///
/// let text = "Officials dis-\ncussed the long-\nterm outlook.";
/// assert_eq!(LineEndHyphens::find(text).rejoin(text), "Officials discussed the long-term outlook.");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEndHyphens {
    breaks: Vec<HyphenBreak>,
}

/// One word broken at a line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HyphenBreak {
    /// Byte offset of the hyphen.
    pub hyphen: usize,
    /// Byte offset one past the hyphen, where the line break's white space begins.
    pub gap: usize,
    /// Byte offset of the rest of the word, on the next line.
    pub resume: usize,
    /// The hyphen is the word's own (`long-term`, `Trans-Pacific`), not the
    /// wrap's (`supported`).
    pub keep: bool,
}

/// A break whose hyphen is still to be judged by the document's other words.
struct Pending {
    at: usize,
    closed: String,
    hyphenated: String,
    head: String,
    tail: String,
}

impl LineEndHyphens {
    /// The word-breaking hyphens of `text`: a hyphen (`-`, U+2010, or a
    /// soft hyphen, always the wrap's) right after a letter or digit, at
    /// the end of a line (spaces may follow it), with a letter or digit
    /// opening the next line (after spaces). A blank line between is a
    /// paragraph's end, no break; so is a dash after a space (`said -`).
    /// The hyphen stays before a capital or a figure after a capitalised
    /// word or a figure (`Trans-⏎Pacific`, `2019-⏎2020`), after one letter
    /// (`e-⏎commerce`) and after capitals (`WTO-⏎consistent`).
    pub fn find(text: &str) -> LineEndHyphens {
        let bytes = text.as_bytes();
        let mut breaks = Vec::new();
        let mut pending = Vec::new();
        for p in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes.get(p) == Some(&b'\r') && bytes.get(p + 1) == Some(&b'\n') {
                continue;
            }
            let mut end = p;
            while end > 0 && matches!(bytes.get(end - 1), Some(b' ' | b'\t' | b'\r' | 0x0c)) {
                end -= 1;
            }
            let Some(mark) = char_before(text, end) else {
                continue;
            };
            if !matches!(mark, '-' | '\u{2010}' | '\u{ad}') {
                continue;
            }
            let hyphen = end - mark.len_utf8();
            let head = word_before(text, hyphen);
            let mut resume = p + 1;
            while let Some(c) = char_at(text, resume)
                && c.is_whitespace()
                && !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
            {
                resume += c.len_utf8();
            }
            let tail = word_after(text, resume);
            let (Some(last), Some(first)) = (head.chars().next_back(), tail.chars().next()) else {
                continue;
            };
            let mut found = HyphenBreak {
                hyphen,
                gap: hyphen + mark.len_utf8(),
                resume,
                keep: true,
            };
            let acronym = head.chars().all(char::is_uppercase);
            // A word in lower case broken before a capital is no word
            // going on: a running header stands between (`con-⏎TRADE
            // POLICY REVIEW`).
            if first.is_uppercase() && head.starts_with(char::is_lowercase) {
                continue;
            }
            if mark == '\u{ad}' {
                found.keep = false;
            } else if first.is_lowercase()
                && !last.is_numeric()
                && head.chars().nth(1).is_some()
                && !(acronym && head.chars().nth(1).is_some())
            {
                let (head, tail) = (head.to_lowercase(), tail.to_lowercase());
                pending.push(Pending {
                    at: breaks.len(),
                    closed: format!("{head}{tail}"),
                    hyphenated: format!("{head}-{tail}"),
                    head,
                    tail,
                });
            }
            breaks.push(found);
        }
        if !pending.is_empty() {
            let seen = forms_seen(text, &pending);
            let count = |form: &str| {
                let mut n = seen.get(form).copied().unwrap_or(0);
                n += seen.get(&format!("{form}s")).copied().unwrap_or(0);
                if let Some(stem) = form.strip_suffix('s') {
                    n += seen.get(stem).copied().unwrap_or(0);
                }
                n
            };
            for p in &pending {
                let keep = hyphen_stays(p, count(&p.closed), count(&p.hyphenated));
                if let Some(b) = breaks.get_mut(p.at) {
                    b.keep = keep;
                }
            }
        }
        LineEndHyphens { breaks }
    }

    /// True when the document has no such break.
    pub fn is_empty(&self) -> bool {
        self.breaks.is_empty()
    }

    /// The breaks, in the order of the text.
    pub fn breaks(&self) -> &[HyphenBreak] {
        &self.breaks
    }

    /// The break whose line-break white space starts at byte `gap`.
    pub fn at_gap(&self, gap: usize) -> Option<&HyphenBreak> {
        self.breaks
            .binary_search_by_key(&gap, |b| b.gap)
            .ok()
            .and_then(|i| self.breaks.get(i))
    }

    /// `text` with every broken word whole again: the line break and the
    /// white space around it removed, and the hyphen too where it was only
    /// the wrap's. Offsets change; borrowed when there is nothing to join.
    /// `text` must be the text the breaks were found in.
    pub fn rejoin<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.breaks.is_empty() {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for b in &self.breaks {
            let upto = if b.keep { b.gap } else { b.hyphen };
            let (Some(kept), true) = (text.get(from..upto), text.is_char_boundary(b.resume)) else {
                continue;
            };
            out.push_str(kept);
            from = b.resume;
        }
        out.push_str(text.get(from..).unwrap_or(""));
        std::borrow::Cow::Owned(out)
    }
}

/// Whether a broken word keeps its hyphen: as the document writes the word
/// elsewhere, the closed or the hyphenated way (`semiconductor` counts for
/// `semiconductors`), whichever it writes more; else general English's
/// verdict, as the module says.
fn hyphen_stays(p: &Pending, closed_seen: u32, hyphenated_seen: u32) -> bool {
    if closed_seen + hyphenated_seen > 0 {
        return hyphenated_seen > closed_seen;
    }
    let zipf = |w: &str| english_zipf(w).unwrap_or(0.0);
    // The closed form or the word it inflects (`shipyards`, `warehousing`).
    let closed = stems(&p.closed)
        .map(|w| zipf(&w))
        .fold(zipf(&p.closed), f32::max);
    if closed >= COMMON_WORD {
        return false;
    }
    // A head of three letters or fewer is mostly a prefix's syllable
    // (`re-⏎payments`, `in-⏎fringe`, `car-⏎makers`): a closed form the
    // list has at all is the word.
    if p.head.chars().count() <= 3 && closed >= RARE_WORD {
        return false;
    }
    zipf(&p.head) >= COMMON_WORD && zipf(&p.tail) >= COMMON_WORD
}

/// The Zipf frequency from which a closed form after a short head counts as
/// a word: the background list's rare words (`informer` 2.7, `prewar` 2.3).
const RARE_WORD: f32 = 2.0;

/// The words `w` may inflect: without `s`, `es`, `ed` or `ing` (and with
/// an `e` back: `warehousing`, `warehouse`).
fn stems(w: &str) -> impl Iterator<Item = String> + '_ {
    ["s", "es", "ed", "ing"]
        .into_iter()
        .flat_map(move |suffix| {
            let base = w.strip_suffix(suffix).filter(|b| b.len() >= 3);
            base.into_iter()
                .flat_map(|b| [b.to_string(), format!("{b}e")])
        })
}

/// How often the document writes each closed or hyphenated form the
/// pending breaks ask about (and those forms with or without a final `s`),
/// lowercased; a broken word itself is none of them.
fn forms_seen(text: &str, pending: &[Pending]) -> HashMap<String, u32> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for p in pending {
        for form in [&p.closed, &p.hyphenated] {
            seen.insert(form.clone(), 0);
            seen.insert(format!("{form}s"), 0);
            if let Some(stem) = form.strip_suffix('s') {
                seen.insert(stem.to_owned(), 0);
            }
        }
    }
    let longest = seen.keys().map(String::len).max().unwrap_or(0);
    let shortest = seen.keys().map(String::len).min().unwrap_or(0);
    let pieces = text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\u{2010}')));
    let mut lower = String::new();
    for piece in pieces {
        let piece = piece.trim_matches(['-', '\u{2010}']);
        // Lowercasing keeps an ASCII word's length: only pieces that could
        // be a form asked about are looked at.
        if piece.len() < shortest || piece.len() > longest * 2 {
            continue;
        }
        lower.clear();
        lower.extend(
            piece.chars().flat_map(char::to_lowercase).map(
                |c| {
                    if c == '\u{2010}' { '-' } else { c }
                },
            ),
        );
        if let Some(n) = seen.get_mut(lower.as_str()) {
            *n += 1;
        }
    }
    seen
}

/// The letters and digits right before byte `at` (40 characters at most).
fn word_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for _ in 0..40 {
        match char_before(text, start) {
            Some(c) if c.is_alphanumeric() => start -= c.len_utf8(),
            _ => break,
        }
    }
    text.get(start..at).unwrap_or("")
}

/// The letters and digits from byte `at` on (40 characters at most).
fn word_after(text: &str, at: usize) -> &str {
    let mut end = at;
    for _ in 0..40 {
        match char_at(text, end) {
            Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
            _ => break,
        }
    }
    text.get(at..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejoined(text: &str) -> String {
        LineEndHyphens::find(text).rejoin(text).into_owned()
    }

    #[test]
    fn syllables_join_and_compounds_keep_their_hyphen() {
        assert_eq!(rejoined("was sup-\nported by"), "was supported by");
        assert_eq!(rejoined("export con-\ntrols"), "export controls");
        assert_eq!(
            rejoined("Officials dis-\ncussed it"),
            "Officials discussed it"
        );
        assert_eq!(rejoined("the long-\nterm outlook"), "the long-term outlook");
        assert_eq!(rejoined("an anti-\ndumping duty"), "an anti-dumping duty");
        assert_eq!(rejoined("self-\nsufficiency"), "self-sufficiency");
        // Syllables of a rare word, neither half a common word.
        assert_eq!(rejoined("Mr. Hosoka-\nwa said"), "Mr. Hosokawa said");
    }

    #[test]
    fn the_document_decides_first() {
        // General English writes `semiconductor` closed; a document that
        // writes it hyphenated keeps its way, and one that writes it
        // closed too.
        assert_eq!(rejoined("semi-\nconductors"), "semiconductors");
        assert_eq!(
            rejoined("semi-\nconductors and more semi-conductors"),
            "semi-conductors and more semi-conductors"
        );
        // `anti` and `dumping` are common words and `antidumping` none: the
        // hyphen stays, unless the document writes the word closed.
        assert_eq!(rejoined("anti-\ndumping"), "anti-dumping");
        assert_eq!(
            rejoined("anti-\ndumping and antidumping"),
            "antidumping and antidumping"
        );
        // The broken word itself is no evidence either way.
        assert_eq!(
            rejoined("anti-\ndumping, anti-\ndumping"),
            "anti-dumping, anti-dumping"
        );
    }

    #[test]
    fn capitals_figures_and_single_letters_keep_the_hyphen() {
        assert_eq!(
            rejoined("the Trans-\nPacific Partnership"),
            "the Trans-Pacific Partnership"
        );
        assert_eq!(rejoined("in 2019-\n2020"), "in 2019-2020");
        assert_eq!(rejoined("e-\ncommerce rules"), "e-commerce rules");
        assert_eq!(rejoined("WTO-\nconsistent"), "WTO-consistent");
        // A lower-case word before a capital: a header stands between.
        assert!(LineEndHyphens::find("export con-\nTRADE POLICY REVIEW").is_empty());
    }

    /// Prefixes' syllables and inflected closed forms join (a code review
    /// found `re-payments`, `ship-yards`, `car-makers` kept).
    #[test]
    fn prefixes_and_inflections_join() {
        for (text, whole) in [
            ("re-\npayments", "repayments"),
            ("in-\nfringe", "infringe"),
            ("de-\nterrence", "deterrence"),
            ("ship-\nyards", "shipyards"),
            ("ware-\nhousing", "warehousing"),
            ("car-\nmakers", "carmakers"),
            ("dis-\ncharging", "discharging"),
        ] {
            assert_eq!(rejoined(text), whole, "{text:?}");
        }
        // Compounds of two words stay: neither closed form is a word.
        assert_eq!(rejoined("non-\ntariff"), "non-tariff");
        assert_eq!(rejoined("pro-\ngrowth"), "pro-growth");
    }

    #[test]
    fn soft_hyphens_always_join() {
        assert_eq!(rejoined("long\u{ad}\nterm"), "longterm");
    }

    #[test]
    fn dashes_and_paragraphs_are_no_breaks() {
        for text in [
            "he said -\nthe deal",
            "a list:\n-\nitem",
            "semi-\n\nconductors",
            "end-\n(note)",
            "-\nstart",
        ] {
            assert!(LineEndHyphens::find(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn line_endings_of_every_kind() {
        assert_eq!(rejoined("con-  \r\n  trols"), "controls");
        assert_eq!(rejoined("con-\rtrols"), "controls");
        assert_eq!(rejoined("con-\n\u{a0}trols"), "controls");
        let text = "con-\r\ntrols";
        let found = LineEndHyphens::find(text);
        assert_eq!(
            found.breaks(),
            [HyphenBreak {
                hyphen: 3,
                gap: 4,
                resume: 6,
                keep: false
            }]
        );
        assert_eq!(found.at_gap(4).map(|b| b.resume), Some(6));
        assert_eq!(found.at_gap(3), None);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "-",
            "-\n",
            "\n-",
            "a-\n",
            "a-\nb",
            "é-\nü",
            "日本-\n語",
            "\u{ad}\n\u{ad}",
        ] {
            let _ = rejoined(text);
        }
    }
}
