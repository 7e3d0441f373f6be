//! English candidates: n-grams of 1–5 words inside runs bounded by stop
//! words, punctuation, numbers and line breaks; `of` may stand inside a
//! candidate but never at its edges. Inflections are pooled under one key
//! (each word lowercased and made singular), and each occurrence records its
//! surface, its case and the sentence it came from.

use std::borrow::Cow;

use kotoba_text::boilerplate::{without_page_breaks, without_running_lines};
use kotoba_text::credits::without_credit_lines;
use kotoba_text::detect::LanguageDetector;
use kotoba_text::page::furniture_sentences;
use kotoba_text::segment::{
    LineEndHyphens, SegmentLang, sentence_text, split_sentences, wide_gaps,
};
use kotoba_tokenize::words::words;
use rustc_hash::FxHashMap;

use crate::lexicon::{StopKind, abbreviation_stop_word, stop_kind};
use crate::stats::{Language, Stats, TermCounts, clip_around, offer_example};

/// Longest candidate, in words that may begin or end one.
pub const MAX_WORDS: usize = 5;
/// Words that only stand inside (`of`, `on`, `and`) a candidate may hold
/// besides.
const MAX_INNER: usize = 2;

/// The singular of a lowercase English word by suffix rules (an S-stemmer
/// after Harman 1991, with `-sses`, `-xes`, `-ches`, `-shes` handled) after
/// the irregular plurals of kotoba-tokenize (`crises`, `surpluses`; `goods`
/// stays), and a trailing possessive `'s` removed. Short words are left as
/// they are.
pub fn singular(word: &str) -> Cow<'_, str> {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    // `crises`, `surpluses`, `embargoes`; `customs` and `goods` stay.
    if let Some(singular) = kotoba_tokenize::words::irregular_singular(w) {
        return Cow::Borrowed(singular);
    }
    if w.len() <= 3 || !w.is_ascii() {
        return Cow::Borrowed(w);
    }
    // An abbreviation's last letters are no plural (`Japan-U.S`).
    if w.rsplit_once('.').is_some_and(|(_, last)| last.len() <= 2) {
        return Cow::Borrowed(w);
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if !stem.ends_with('e') && !stem.ends_with('a') {
            return Cow::Owned(format!("{stem}y"));
        }
        return Cow::Borrowed(w);
    }
    for suffix in ["sses", "xes", "ches", "shes", "zzes"] {
        if w.ends_with(suffix) {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
    }
    if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with('a') || stem.ends_with('e') || stem.ends_with('o') {
            return Cow::Borrowed(w);
        }
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    if let Some(stem) = w.strip_suffix('s') {
        if stem.ends_with('u') || stem.ends_with('s') || stem.ends_with('i') {
            return Cow::Borrowed(w);
        }
        return Cow::Borrowed(stem);
    }
    Cow::Borrowed(w)
}

/// A word lowercased, with the typographic apostrophe and hyphens (U+2019,
/// U+2010, U+2011) made ASCII: `half‐pass` and `half-pass` are one term.
fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower = word.to_lowercase();
    if !lower.contains(['’', '\u{2010}', '\u{2011}']) {
        return lower;
    }
    lower
        .chars()
        .map(|c| match c {
            '’' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .collect()
}

/// The pooling key of an English term: words lowercased and made singular,
/// joined by single spaces (hyphenated words stay one word).
pub fn key(term: &str) -> String {
    let mut out = String::new();
    for unit in units(term) {
        // An abbreviation's final period is part of its surface, not its key.
        let lower = fold(term[unit.start..unit.end].trim_end_matches('.'));
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&singular(&lower));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// May begin or end a candidate.
    Content,
    /// Only inside.
    Inner,
    /// May end a candidate, never begin one: a number after a name
    /// (`Section 301`, `Trade Act of 1974`).
    Tail,
}

/// True when `w`, a number standing alone (no `/`, `-` or letter follows
/// it in `line` after `end`), names something with the capitalised word
/// before it in `run`: two to four digits directly after a word like
/// `Section` or `Nikkei` (not after capitals, where a number is mostly an
/// amount or a reference: `EUR 500`, `ETS 191`), or a year after `of`
/// (`Trade Act of 1974`). Only spaces may separate them.
fn numbered_name(w: &str, line: &str, end: usize, run: &[Word], joined: bool) -> bool {
    let capital = |w: &Word| capitalised_word(w.surface);
    // Asked of every word of the text: the cheap test first.
    if !joined || !w.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let alone = line[end..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | '?' | '!'));
    alone
        && match run.last() {
            Some(last) if last.role == Role::Content => (2..=4).contains(&w.len()) && capital(last),
            Some(last) if last.key == "of" => {
                w.len() == 4
                    && run
                        .iter()
                        .rev()
                        .skip(1)
                        .find(|w| w.role != Role::Inner)
                        .is_some_and(|w| w.role == Role::Content && capital(w))
            }
            _ => false,
        }
}

/// True for capitals with a number, written as one name: `G7`, `G-20`,
/// `TPP11`.
fn numbered_acronym(w: &str) -> bool {
    let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &w[letters..];
    let digits = rest.strip_prefix('-').unwrap_or(rest);
    (1..=5).contains(&letters)
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// True when a unit may be part of a term: Latin letters (at least two),
/// at most one digit, not too long, not a page number in lowercase Roman
/// numerals (`xviii`; `Xi`, a name, stays); or a [`numbered_acronym`].
fn plausible(w: &str) -> bool {
    if numbered_acronym(w) {
        return true;
    }
    if w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return false;
    }
    let mut letters = 0;
    let mut digits = 0;
    for c in w.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphabetic() {
            if !(c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c)) {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
        && digits <= 1
        && w.len() <= 60
        && !w.contains('@')
        && !w.contains("://")
        && !w.to_ascii_lowercase().starts_with("www.")
        && !address_or_identifier(w)
}

/// True when `unit` is the marker of a list item that opens `line`: one to
/// three digits, a letter or a small Roman numeral, with a period or a
/// closing parenthesis after it (`1.`, `a)`, `(iv)`).
fn list_marker(line: &str, unit: &Unit) -> bool {
    let w = &line[unit.start..unit.end];
    let before = line[..unit.start].trim();
    let after = &line[unit.end..];
    let numbered = (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let lettered = w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = (1..=4).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    unit.parts == 1
        && (numbered || lettered || roman)
        && matches!(before, "" | "(")
        && after.starts_with(['.', ')'])
}

/// True for a host, a file name or an identifier that a text quotes
/// (`bwea.com`, `default.asp`, `mailto:reports`, `Sandy_Butterfield`):
/// a colon or underscore inside a word, or a period after three letters or
/// more. An initial or an abbreviation keeps its periods (`U.S`, `Ph.D`,
/// `l.prandtl`, `sq.m`), also joined by a hyphen (`Japan-U.S`).
fn address_or_identifier(w: &str) -> bool {
    if w.contains([':', '_']) {
        return true;
    }
    let mut parts: Vec<&str> = w.split('.').collect();
    parts.pop();
    parts.iter().any(|p| {
        // `Japan-U.S`: an initial after a hyphen starts an abbreviation;
        // `japan-us.org` is a host.
        let last = p.rsplit(['-', '‐', '‑']).next().unwrap_or(p);
        let counted = if last.chars().count() == 1 { last } else { p };
        counted.chars().filter(|c| c.is_alphabetic()).count() >= 3
    })
}

/// True when a line is mathematics rather than prose: it has an equals
/// sign, an integral, infinity or Greek letters and fewer than half of its
/// tokens are words of three letters or more, or all of its tokens (two or
/// more) are at most three characters long (`uw vw ww`).
fn formula(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() >= 2 && tokens.iter().all(|t| t.chars().count() <= 3) {
        return true;
    }
    let mathy = line
        .chars()
        .any(|c| matches!(c, '=' | '∞' | '∫' | '⋅') || ('\u{370}'..='\u{3ff}').contains(&c));
    if !mathy || tokens.is_empty() {
        return false;
    }
    let wordy = tokens
        .iter()
        .filter(|t| {
            let t = t.trim_end_matches(['.', ',', ';', ':']);
            t.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && t.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .count();
    2 * wordy < tokens.len()
}

/// True for a line set in capitals (three letters or more, none lowercase):
/// a heading or a shouted line, whose case says nothing of names.
fn shouting(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !line.chars().any(char::is_lowercase)
}

/// What the case of a line says of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineCase {
    /// Running text: a capital away from a sentence start marks a name.
    Running,
    /// Set in capitals (see [`shouting`]): case says nothing of names.
    Capitals,
    /// A heading in title case (see [`title_heading`]): every word
    /// capitalised, so case says nothing of names either.
    Title,
}

/// True for a line of at most [`HEADING_WORDS`] words whose words that are
/// not stop words, two or more, all begin with a capital (`Offshore Wind
/// Turbine Design`, `Rules of Origin`): a heading in title case, whose
/// capitals would otherwise make its terms look like names.
fn title_heading(line: &str) -> bool {
    let (mut words, mut content, mut capitalised) = (0, 0, 0);
    for w in line.split_whitespace() {
        words += 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.chars().any(char::is_alphabetic)
            || kotoba_tokenize::words::is_stop_word(&w.to_lowercase())
        {
            continue;
        }
        content += 1;
        capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    words <= HEADING_WORDS && content >= 2 && capitalised == content
}

/// Most words of a heading in title case.
const HEADING_WORDS: usize = 12;

/// The fewest characters of a line a hard wrap broke: a shorter line is
/// more likely a heading or a list item.
const WRAPPED_LINE: usize = 40;

/// The lines of a sentence, with lines a hard wrap broke joined again (a
/// term may run across the break: `trade\ndeficit`): a line continues the
/// one before unless either is a formula, one is set in capitals and the
/// other not, the one before is short (see [`WRAPPED_LINE`]; `lead`
/// characters of its line stand before the sentence), or the line itself
/// is short and ends without punctuation, as a heading does.
fn wrapped_lines(sentence: &str, lead: usize) -> Vec<&str> {
    let long = |line: &str, lead: usize| lead + line.trim_end().chars().count() >= WRAPPED_LINE;
    let ends_clause = |line: &str| {
        line.trim_end().ends_with([
            '.', '!', '?', ';', ':', ',', ')', '"', '\'', '\u{201d}', '\u{2019}',
        ])
    };
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut prev: Option<(&str, usize)> = None;
    let mut at = 0;
    for line in sentence.split('\n') {
        let line_start = at;
        at += line.len() + 1;
        if let Some((p, p_lead)) = prev {
            let continues = !formula(p)
                && !formula(line)
                && shouting(p) == shouting(line)
                && long(p, p_lead)
                && !line.trim().is_empty()
                && (long(line, 0) || ends_clause(line));
            if !continues {
                out.push(&sentence[start..line_start - 1]);
                start = line_start;
            }
        }
        prev = Some((line, if line_start == 0 { lead } else { 0 }));
    }
    out.push(&sentence[start..]);
    out
}

/// Characters of the line `text` holds at byte `at` before `at`, counted
/// up to [`WRAPPED_LINE`] at most (all a wrap test needs: a document of one
/// long line made counting the whole line quadratic): a sentence may start
/// in the middle of a line.
pub(crate) fn line_lead(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| {
        t.chars()
            .rev()
            .take_while(|&c| c != '\n')
            .take(WRAPPED_LINE)
            .count()
    })
}

/// True when `w`, a stop word in a line with lowercase letters, is an
/// abbreviation set in capitals rather than the word itself: two or more
/// capitals, no neighbour in capitals (`DO NOT`, `TABLES IN SCHEMA`), and
/// either a stop word that is mostly an abbreviation in capitals (`US`,
/// `IT`, `WHO`) or one the document writes alone in parentheses (`odds
/// ratio (OR)`, listed in `parenthesised`); else a keyword or emphasis
/// (`shadow IN`, `must NOT`).
fn capitalised_stop_word(
    w: &str,
    line: &str,
    units: &[Unit],
    at: usize,
    parenthesised: &[String],
) -> bool {
    let capitals = |s: &str| {
        let s = s.trim_end_matches('.');
        s.len() >= 2 && s.bytes().all(|b| b.is_ascii_uppercase())
    };
    if !capitals(w) {
        return false;
    }
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| units.get(i))
            .is_some_and(|u| capitals(&line[u.start..u.end]))
    };
    if neighbour(at.checked_sub(1)) || neighbour(Some(at + 1)) {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    abbreviation_stop_word(&lower) || parenthesised.contains(&lower)
}

/// The words of two to five capitals a text writes alone in parentheses,
/// lowercased: `(OR)` gives `or`.
fn parenthesised_capitals(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let rest = &text.as_bytes()[open + 1..];
        let n = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
        if (2..=5).contains(&n) && rest.get(n) == Some(&b')') {
            let word = String::from_utf8_lossy(&rest[..n]).to_ascii_lowercase();
            if !out.contains(&word) {
                out.push(word);
            }
        }
    }
    out
}

/// A word of a line, or words joined by hyphens (`anti-corruption`).
struct Unit {
    start: usize,
    end: usize,
    /// Words joined into it.
    parts: usize,
    /// Only spaces separate it from the previous unit.
    joined: bool,
}

/// The units of a line: words, with hyphen-joined words as one unit.
fn units(line: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut prev_end: Option<usize> = None;
    // A footnote's number ended the unit before: nothing joins across it.
    let mut after_footnote = false;
    for (at, w) in words(line) {
        let gap = prev_end.map_or("", |p| &line[p..at]);
        prev_end = Some(at + w.len());
        let footnote = std::mem::replace(&mut after_footnote, false);
        // Two lines of a page set in columns: the break between them leads
        // into the other column, so nothing joins across it.
        let columns = gap.contains('\n') && {
            let before = line[..at - gap.len()].rsplit('\n').next().unwrap_or("");
            let after = line[at..].split('\n').next().unwrap_or("");
            wide_gaps(before) > 0 && wide_gaps(after) > 0
        };
        // A footnote's number glued to a word (`quotas14`, `measures³` once
        // in NFKC) is no part of it.
        let w = match footnote_marker(w) {
            Some(word) => {
                after_footnote = true;
                word
            }
            None => w,
        };
        // An abbreviation with inner periods (its last letters one or two,
        // `U.S`, `Ph.D`) keeps its final one in the surface (`U.S.`); the
        // period still separates it from the next word.
        let abbreviation = w
            .rsplit_once('.')
            .is_some_and(|(_, last)| (1..=2).contains(&last.chars().count()));
        let end = if abbreviation && line[at + w.len()..].starts_with('.') {
            at + w.len() + 1
        } else {
            at + w.len()
        };
        // Capitals joined by `&` or `/` are one word: `M&A`, `R&D`, `L/C`.
        let capitals =
            |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
        let joins_capitals = matches!(gap, "&" | "/")
            && capitals(w)
            && out
                .last()
                .is_some_and(|u| u.parts == 1 && capitals(&line[u.start..u.end]));
        if (matches!(gap, "-" | "‐" | "‑") || joins_capitals)
            && !footnote
            && let Some(last) = out.last_mut()
        {
            last.end = end;
            last.parts += 1;
            continue;
        }
        out.push(Unit {
            start: at,
            end,
            parts: 1,
            // One line break (of a wrap joined again) at most; a carriage
            // return alone ends a line of an old Mac file, never joined.
            // Three spaces or a tab inside a line part columns or a table's
            // cells (a two-column page's text), not words of one phrase.
            joined: !(footnote || column_gap(gap) || columns)
                && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
                && gap.matches('\n').count() <= 1
                && gap.matches('\r').count() == gap.matches("\r\n").count(),
        });
    }
    out
}

/// True for white space inside a line that parts columns or cells: a tab,
/// or three spaces or more (a wrap's line break, however indented the next
/// line, is none).
fn column_gap(gap: &str) -> bool {
    !gap.contains(['\n', '\r']) && (gap.contains('\t') || gap.contains("   "))
}

/// The word of `w` when `w` is a general English word of four letters or
/// more, in lower case, with one to three digits glued after it: a
/// footnote's number in a PDF's text (`quotas14`). Names and models with
/// numbers stay (`G7`, `TPP11`, `Boeing777`, `Covid19`, `Scope3`), and so
/// do words the background list lacks (`ipv6`, `sha256`).
fn footnote_marker(w: &str) -> Option<&str> {
    let word = w.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = w.len() - word.len();
    let fits = (1..=3).contains(&digits)
        && word.len() >= 4
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && kotoba_text::wordlist::english_zipf(word).is_some();
    fits.then_some(word)
}

struct Word<'t> {
    start: usize,
    end: usize,
    key: String,
    role: Role,
    initial: bool,
    /// A comma of a list inside a name stands before this word
    /// (`Ministry of Economy, Trade and Industry`).
    comma: bool,
    /// A finite verb that ends a clause, not a term (`rose`, `said`:
    /// [`crate::lexicon::clause_verb`]).
    ends_clause: bool,
    surface: &'t str,
}

/// True for the gap of a comma between two words: the comma right after
/// the first, then spaces and one line break at most.
fn comma_gap(gap: &str) -> bool {
    gap.strip_prefix(',').is_some_and(|rest| {
        !rest.is_empty()
            && rest.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
            && rest.matches('\n').count() <= 1
    })
}

/// The index of the last unit of a name whose list of capitalised words
/// begins with a comma before unit `at`: the run ends `Name of Word` (or
/// `for`), and from `at` capitalised words follow, separated by commas, then
/// `and` (after a comma or not) and one or more capitalised words
/// (`Ministry of Economy, Trade and Industry`, `Department for Environment,
/// Food and Rural Affairs`), the name's first word one of a body named for
/// what it oversees (`data/list-name-heads-en.txt`). A list without the
/// `of` before it (`Japan, China and Korea`), or after another word
/// (`Governments of Japan, China and Korea`), is no name.
fn list_in_name(run: &[Word], line: &str, units: &[Unit], at: usize) -> Option<usize> {
    let [.., owner, inner, head] = run else {
        return None;
    };
    let named = |w: &Word| w.role == Role::Content && capitalised_word(w.surface);
    let owned = named(owner)
        && named(head)
        && inner.role == Role::Inner
        && matches!(inner.key.as_str(), "of" | "for")
        && crate::lexicon::list_name_head(&owner.key);
    if !owned {
        return None;
    }
    let text = |k: usize| units.get(k).and_then(|u| line.get(u.start..u.end));
    // The gap before unit `k`; none past the line's last unit.
    let gap = |k: usize| {
        let (Some(before), Some(unit)) =
            (k.checked_sub(1).and_then(|b| units.get(b)), units.get(k))
        else {
            return "";
        };
        line.get(before.end..unit.start).unwrap_or("")
    };
    let item = |k: usize| {
        text(k).is_some_and(|s| capitalised_word(s) && stop_kind(&s.to_lowercase()).is_none())
    };
    let mut k = at;
    loop {
        if !item(k) {
            return None;
        }
        k += 1;
        if text(k) == Some("and") && (units.get(k).is_some_and(|u| u.joined) || comma_gap(gap(k))) {
            break;
        }
        if !comma_gap(gap(k)) {
            return None;
        }
    }
    // The last member after `and`: capitalised words joined by spaces.
    k += 1;
    if !(units.get(k).is_some_and(|u| u.joined) && item(k)) {
        return None;
    }
    while units.get(k + 1).is_some_and(|u| u.joined) && item(k + 1) {
        k += 1;
    }
    // A last member ending in a body's head is a second body: `Ministry
    // of Finance, Customs and Tariff Bureau` names two.
    let second_body = text(k).is_some_and(|s| crate::lexicon::list_name_head(&singular(&fold(s))));
    (!second_body).then_some(k)
}

/// `text` with the dateline that opens a news story's first line
/// (`TOKYO —`, `WASHINGTON, Nov. 17 (Reuters) -`, `GENEVA --`) turned into
/// spaces, offsets kept: a wire's place names in capitals ranked as terms
/// above the story's own (a review found `TOKYO` among the top terms).
fn without_datelines(text: &str) -> std::borrow::Cow<'_, str> {
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(len) = dateline(line) {
            let lead = line.len() - line.trim_start().len();
            blank.push((at + lead, at + lead + len));
        }
        at += line.len();
    }
    if blank.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (start, end) in blank {
        out.replace_range(start..end, &" ".repeat(end - start));
    }
    std::borrow::Cow::Owned(out)
}

/// The length of the English dateline opening `line`
/// ([`kotoba_text::segment::dateline`]), when it is one for term counting:
/// a place alone before the dash must read as a place name (words WordNet
/// knows, one of four letters or more: `tokyo`, `new york`), not a short
/// acronym that opens a heading (`WTO – an overview`, `EU – Japan talks`);
/// with a date or an agency after it, it is a dateline whatever it is.
fn dateline(line: &str) -> Option<usize> {
    let len = kotoba_text::segment::dateline(line)?;
    let body = line.trim_start();
    if body.starts_with('【') {
        return None;
    }
    let head = &body[..len];
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end]
        .trim_end_matches(['—', '–', '-', ' '])
        .trim();
    let dated = place_end < head.len();
    let named = || {
        let lower = place.to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        words.iter().any(|w| w.len() >= 4)
            && words
                .iter()
                .all(|w| w.len() >= 3 && crate::lexicon::pos(w).is_some())
    };
    (dated || named()).then_some(len)
}

/// The words of a candidate's key that count towards its length: all but
/// those that only stand inside a name (`of`, `and` of `ministry of economy
/// trade and industry`, four).
pub(crate) fn content_words(key: &str) -> usize {
    key.split(' ')
        .filter(|w| !matches!(stop_kind(w), Some(StopKind::Inner | StopKind::Name)))
        .count()
}

/// Counts the candidates of one document into a fresh [`Stats`].
pub fn count_document(text: &str) -> Stats {
    let mut local: FxHashMap<String, TermCounts> = FxHashMap::default();
    let mut words_seen: u64 = 0;
    // A running header counts once, where it first stands.
    let blanked = without_running_lines(text, true);
    // A PDF's words broken at line ends (`semi-⏎conductors`), also across a
    // page (`semi-⏎⏎- 13 -⏎⏎conductors`), are counted whole.
    let paged = without_page_breaks(&blanked);
    let joined = LineEndHyphens::find(&paged).rejoin(&paged);
    // Bylines, reporting credits and publication stamps name who wrote a
    // story and when: a wire's reporters and weekdays ranked among its terms.
    let uncredited = without_credit_lines(joined.as_ref());
    let undated = without_datelines(uncredited.as_ref());
    let text = undated.as_ref();
    let parenthesised = parenthesised_capitals(text);
    let spans = split_sentences(text, SegmentLang::English);
    // A web page's furniture (`Leave a Reply`, `Related` and its links, a
    // copyright line) would rank a site's labels among the corpus's terms.
    let furniture = furniture_sentences(text, &spans);
    for (span, furniture) in spans.into_iter().zip(furniture) {
        let Some(sentence) = text.get(span.start..span.end) else {
            continue;
        };
        if furniture || foreign(sentence) {
            continue;
        }
        let text_of_sentence = sentence_text(text, span, &LineEndHyphens::default());
        let example = Example {
            chars: text_of_sentence.chars().count(),
            text: &text_of_sentence,
        };
        let defined = abbreviation_definitions(sentence);
        let mut first_word = true;
        for line in wrapped_lines(sentence, line_lead(text, span.start)) {
            if formula(line) {
                continue;
            }
            let shouting = shouting(line);
            let case = if shouting {
                LineCase::Capitals
            } else if title_heading(line) {
                LineCase::Title
            } else {
                LineCase::Running
            };
            // Tabs, carriage returns, line breaks or double spaces anywhere:
            // only then may a surface need its spaces normalised.
            let spaced = line.contains(['\t', '\r', '\n']) || line.contains("  ");
            let mut run: Vec<Word> = Vec::new();
            let line_units = units(line);
            // The last unit of a list inside a name, once its first comma is
            // reached.
            let mut list_end: Option<usize> = None;
            for (at, unit) in line_units.iter().enumerate() {
                words_seen += unit.parts as u64;
                let comma = !unit.joined
                    && at > 0
                    && !shouting
                    && comma_gap(&line[line_units[at - 1].end..unit.start])
                    && (list_end.is_some_and(|end| at <= end) || {
                        list_end = list_in_name(&run, line, &line_units, at);
                        list_end.is_some()
                    });
                let joined = unit.joined || comma;
                if !joined {
                    flush(&mut run, line, &example, (case, spaced), &mut local);
                }
                // `1. Export controls`, `(a) Export controls`: the item's
                // first word opens it as a sentence's does.
                if first_word && list_marker(line, unit) {
                    continue;
                }
                let initial = std::mem::replace(&mut first_word, false);
                let w = &line[unit.start..unit.end];
                let lower = fold(w.trim_end_matches('.'));
                let possessive = lower.ends_with("'s");
                let role = match stop_kind(&lower) {
                    _ if numbered_name(w, line, unit.end, &run, joined && !shouting) => {
                        Some(Role::Tail)
                    }
                    _ if !plausible(w) => None,
                    _ if unit.parts > 1 => Some(Role::Content),
                    Some(StopKind::Stop)
                        if !shouting
                            && capitalised_stop_word(w, line, &line_units, at, &parenthesised) =>
                    {
                        Some(Role::Content)
                    }
                    Some(StopKind::Stop) => (!shouting
                        && !initial
                        && capitalised_word(w)
                        && !kotoba_tokenize::words::stop_words().contains(lower.as_str())
                        && joined
                        && part_of_name(&run, line, line_units.get(at + 1)))
                    .then_some(Role::Content),
                    Some(StopKind::Inner) => Some(Role::Inner),
                    Some(StopKind::Name) => (!shouting
                        && inside_name(&run, line, line_units.get(at + 1)))
                    .then_some(Role::Inner),
                    None => Some(Role::Content),
                };
                let Some(role) = role else {
                    flush(&mut run, line, &example, (case, spaced), &mut local);
                    continue;
                };
                run.push(Word {
                    start: unit.start,
                    end: unit.end,
                    key: singular(&lower).into_owned(),
                    role,
                    initial,
                    comma,
                    // The list has no periods: `fell.` is none of it.
                    ends_clause: !w.ends_with('.') && crate::lexicon::clause_verb(&lower),
                    surface: w,
                });
                if possessive {
                    flush(&mut run, line, &example, (case, spaced), &mut local);
                }
            }
            flush(&mut run, line, &example, (case, spaced), &mut local);
        }
        for k in defined {
            if let Some(c) = local.get_mut(&k) {
                c.defined += 1;
            }
        }
    }
    let mut stats = Stats::new(Language::En);
    stats.docs = 1;
    stats.words = words_seen;
    stats.terms.extend(local.into_iter().map(|(k, mut v)| {
        v.doc_freq = 1;
        (k, v)
    }));
    stats
}

/// Keys of the abbreviations a sentence defines and of their long forms,
/// in either order: `long form (SF)` or `SF (long form)`. The long form is
/// found as Schwartz & Hearst (2003) do: the short form's letters matched
/// right to left in the words before the parenthesis, the first at the start
/// of a word, within min(|SF| + 5, 2·|SF|) words.
fn abbreviation_definitions(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    while let Some(open) = sentence[offset..].find('(') {
        let at = offset + open;
        let Some(close) = sentence[at..].find(')').map(|c| at + c) else {
            break;
        };
        let inside = sentence[at + 1..close].trim();
        if short_form(inside) {
            let n = inside.chars().count();
            // The last words only: a long list of `Name (XX)` entries would
            // split its whole beginning again at every parenthesis.
            let mut words: Vec<&str> = sentence[..at]
                .split_whitespace()
                .rev()
                .take((n + 5).min(2 * n))
                .collect();
            words.reverse();
            if let Some(long) = best_long_form(inside, &words.join(" ")) {
                out.push(key(&long));
                out.push(key(inside));
            }
        } else if inside.split_whitespace().count() >= 2 {
            // The other order: the long form is all of the parenthesis.
            let before = sentence[..at].split_whitespace().next_back().unwrap_or("");
            let short = before.trim_matches(|c: char| !c.is_alphanumeric());
            if short_form(short) && best_long_form(short, inside).as_deref() == Some(inside) {
                out.push(key(inside));
                out.push(key(short));
            }
        }
        offset = close + 1;
    }
    out
}

/// True for a possible short form: one token of 2–10 characters, starting
/// with a letter, with at least two capitals.
fn short_form(s: &str) -> bool {
    (2..=10).contains(&s.chars().count())
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.contains(char::is_whitespace)
}

/// The shortest end of `words` whose letters spell `short` in order, the
/// first letter starting a word (Schwartz & Hearst's `findBestLongForm`).
fn best_long_form(short: &str, words: &str) -> Option<String> {
    // Lowercased a character at a time, so `l` lines up with `words`.
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let s: Vec<char> = short.chars().map(fold).collect();
    let chars: Vec<char> = words.chars().collect();
    let l: Vec<char> = chars.iter().copied().map(fold).collect();
    let mut li = l.len() as isize - 1;
    for si in (0..s.len()).rev() {
        let c = s[si];
        if !c.is_alphanumeric() {
            continue;
        }
        while li >= 0
            && (l[li as usize] != c || (si == 0 && li > 0 && l[li as usize - 1].is_alphanumeric()))
        {
            li -= 1;
        }
        if li < 0 {
            return None;
        }
        li -= 1;
    }
    let start = (li + 1) as usize;
    // Back to the start of the word holding the first letter.
    let mut begin = start.min(chars.len());
    while begin > 0 && !chars[begin - 1].is_whitespace() {
        begin -= 1;
    }
    let long: String = chars[begin..].iter().collect();
    // A long form is more than the short form again.
    (long.split_whitespace().count() >= 2 || long.contains('-')).then_some(long)
}

/// True when a sentence is in another language (a Turkish abstract in an
/// English report). Only sentences with at least two words holding letters
/// outside ASCII are asked, which keeps the (slow) detector off English text,
/// names like Gödel included; one it calls foreign is English after all
/// when its other words read as English (`talks in Zürich and München`).
fn foreign(sentence: &str) -> bool {
    if sentence.is_ascii() {
        return false;
    }
    let accented = |w: &&str| w.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
    let accented_words = sentence.split_whitespace().filter(accented).take(2).count();
    if accented_words < 2 {
        return false;
    }
    let detector = LanguageDetector::new();
    if !detector
        .detect(sentence)
        .is_some_and(|d| d.reliable && d.lang != "en")
    {
        return false;
    }
    // Names like Zürich and München make an English sentence look German:
    // the words without such letters, when there are three or more, have
    // the last word. Turkish or Lithuanian without its accented words is
    // still not taken for English.
    let plain: Vec<&str> = sentence
        .split_whitespace()
        .filter(|w| !accented(w))
        .collect();
    let english = plain.len() >= 3
        && detector
            .detect(&plain.join(" "))
            .is_some_and(|d| d.lang == "en");
    !english
}

/// True for a word written with a capital and lowercase letters (`New`,
/// not `NEW` or `new`).
pub(crate) fn capitalised_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase) && s.chars().any(char::is_lowercase)
}

/// True when a capitalised general word (`New`, `First`, `Seven`) is part of
/// a name: the next unit is a capitalised word that is no stop word (`New
/// York`), or the last content word of the run is capitalised (`America
/// First`, `Group of Seven`).
fn part_of_name(run: &[Word], line: &str, next: Option<&Unit>) -> bool {
    let before = run
        .iter()
        .rev()
        .find(|w| w.role != Role::Inner)
        .is_some_and(|w| w.role == Role::Content && capitalised_word(w.surface));
    before
        || next.is_some_and(|u| {
            u.joined
                && line
                    .get(u.start..u.end)
                    .is_some_and(|s| capitalised_word(s) && stop_kind(&s.to_lowercase()).is_none())
        })
}

/// True when a word standing between the run so far and `next` would join
/// one capitalised name: the last content word of the run and the next unit
/// start with a capital letter and are no acronyms, and only spaces separate
/// them.
fn inside_name(run: &[Word], line: &str, next: Option<&Unit>) -> bool {
    let last = run.iter().rev().find(|w| w.role == Role::Content);
    last.is_some_and(|w| capitalised_word(w.surface))
        && next.is_some_and(|u| {
            u.joined
                && line
                    .get(u.start..u.end)
                    .is_some_and(|s| capitalised_word(s) && stop_kind(&s.to_lowercase()).is_none())
        })
}

/// A sentence offered as the example of the terms it holds, with its
/// length in characters (counted once, not once per term).
struct Example<'a> {
    text: &'a str,
    chars: usize,
}

/// True when the words after a term's first word go on like a name: one is
/// capitalised or a number (` Motu`, ` 301`).
pub(crate) fn continues_a_name(rest: &str) -> bool {
    rest.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) || w.bytes().all(|b| b.is_ascii_digit())
    })
}

/// True for a word written like an ordinary capitalised word (`Trade`),
/// not an acronym (`USTR`) nor a name of mixed case (`McDonald`).
fn ordinary_capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
}

/// How a surface seen only where case says little is shown: a line in
/// capitals in lower case; in a heading in title case, each word written
/// like an ordinary capitalised word lowered (`WTO` stays), a word English
/// writes as a name in its spelling ([`lowered`]: `Mexico`, `NATO`); at the start of a sentence only a first word
/// written like an ordinary capitalised word (`Trade`) is lowered, and an
/// acronym (`USTR`) or a name of mixed case (`McDonald`) stays as written, as
/// do the words after it, and so does a first word followed by a capitalised
/// word or a number (`Hiri Motu`, `Section 301`).
fn initial_form(surface: &str, case: LineCase) -> String {
    if case == LineCase::Capitals || case == LineCase::Title {
        return surface
            .split(' ')
            .map(|w| {
                if case == LineCase::Capitals || ordinary_capital(w) {
                    lowered(w)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let first_end = surface.find(' ').unwrap_or(surface.len());
    let first = &surface[..first_end];
    let ordinary = ordinary_capital(first);
    // A name goes on capitalised or numbered (`Hiri Motu`, `Section 301`):
    // its first word keeps its capital.
    if ordinary && !continues_a_name(&surface[first_end..]) {
        lowered(first) + &surface[first_end..]
    } else {
        surface.to_string()
    }
}

/// A word whose case its place says nothing of, as English usually writes
/// it: a name in its spelling (`Mexico`, `NATO`: a review found `mexico`
/// in a TBX), any other word in lower case.
fn lowered(word: &str) -> String {
    let lower = word.to_lowercase();
    match crate::lexicon::name_spelling(&lower) {
        Some(name) => name.to_string(),
        None => lower,
    }
}

/// Records every candidate n-gram of a run of words, then empties the run.
fn flush(
    run: &mut Vec<Word>,
    line: &str,
    example: &Example,
    (case, spaced): (LineCase, bool),
    local: &mut FxHashMap<String, TermCounts>,
) {
    let mut key = String::new();
    for i in 0..run.len() {
        if run[i].role != Role::Content {
            continue;
        }
        key.clear();
        // Words that only stand inside (`of`, `and` in a name) do not count
        // towards the length: `General Agreement on Tariffs and Trade`.
        let mut counted = 0;
        // A candidate crossing the commas of a list inside a name holds the
        // whole name from before its `of` to past its `and`: not `Economy,
        // Trade` nor `Ministry of Economy, Trade`.
        let mut first_comma: Option<usize> = None;
        let mut and_after_commas = false;
        for j in i..run.len().min(i + MAX_WORDS + MAX_INNER) {
            if run[j].role != Role::Inner {
                counted += 1;
                if counted > MAX_WORDS {
                    break;
                }
            }
            if j > i && run[j].comma {
                first_comma.get_or_insert(j);
                and_after_commas = false;
            }
            if run[j].role == Role::Inner && run[j].key == "and" {
                and_after_commas = true;
            }
            if j > i {
                key.push(' ');
            }
            key.push_str(&run[j].key);
            if run[j].role == Role::Inner
                || first_comma.is_some_and(|c| i + 3 > c || !and_after_commas)
            {
                continue;
            }
            // `China rose`, `exports fell`: a clause reporting a change, and
            // so is every longer candidate holding the verb after its first
            // word (`Tokyo mulls rice tariff cut`). A past form may open a
            // term (`dropped call`, `expected value`); a present one, which
            // never stands before a noun, may not (`imposes export curbs`).
            if run[j].ends_clause {
                if j > i || run[j].surface.ends_with(['s', 'S']) {
                    break;
                }
                continue;
            }
            // A possessive ends a run; the term is the name without it
            // (`Montenegro's` counts as `Montenegro`).
            let raw = &line[run[i].start..run[j].end];
            let raw = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .unwrap_or(raw);
            let surface: Cow<str> =
                if spaced && (raw.contains(['\t', '\r', '\n']) || raw.contains("  ")) {
                    Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
                } else {
                    Cow::Borrowed(raw)
                };
            let counts = match local.get_mut(key.as_str()) {
                Some(c) => c,
                None => local.entry(key.clone()).or_default(),
            };
            counts.freq += 1;
            if case == LineCase::Running && !run[i].initial {
                counts.cased += 1;
                if run[i..=j]
                    .iter()
                    .any(|w| w.surface.chars().any(char::is_uppercase))
                {
                    counts.capitalized += 1;
                }
                match counts.surfaces.get_mut(surface.as_ref()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.surfaces.insert(surface.to_string(), 1);
                    }
                }
            } else {
                let shown = initial_form(&surface, case);
                if counts.fallback.is_empty() || shown < counts.fallback {
                    counts.fallback = shown;
                }
            }
            // A sentence too long to read is kept as a window of its line
            // around this occurrence, cut only when it is chosen.
            let (start, end) = (run[i].start, run[j].end);
            offer_example(&mut counts.example, example.text, example.chars, || {
                clip_around(line, start, end)
            });
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        for (plural, one) in [
            ("tariffs", "tariff"),
            ("policies", "policy"),
            ("taxes", "tax"),
            ("processes", "process"),
            ("cases", "case"),
            ("analysis", "analysis"),
            ("japan's", "japan"),
            ("bus", "bus"),
            ("gas", "gas"),
            ("turbines", "turbine"),
            // Irregular plurals and plural-only nouns (a review found
            // `trade surpluses` unmarked as `trade surpluse`).
            ("surpluses", "surplus"),
            ("crises", "crisis"),
            ("analyses", "analysis"),
            ("embargoes", "embargo"),
            ("customs", "customs"),
            ("goods", "goods"),
            ("women", "woman"),
            ("japan-u.s", "japan-u.s"),
            ("non-u.s", "non-u.s"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
        assert_eq!(key("Anti-Dumping Duties"), "anti-dumping duty");
    }

    /// A list item's first word was counted as written mid-sentence (a
    /// terminologist's review: `1. Export controls` made the term
    /// `Export controls`).
    #[test]
    fn list_items_open_like_sentences() {
        let s = count_document(
            "1. Export controls apply to chips.\n(a) Export controls were tightened.\n\
             iv) Export controls widened. Officials said export controls matter.",
        );
        assert_eq!(s.terms["export control"].surface(), "export controls");
        assert_eq!(s.terms["export control"].freq, 4);
    }

    #[test]
    fn hosts_file_names_and_identifiers_are_no_terms() {
        let s = count_document(
            "See bwea.com and default.asp, write to mailto:reports or Sandy_Butterfield. \
             The U.S. rotor of l.prandtl turns. The Japan-U.S. framework and non-U.S. firms \
             of japan-us.org.",
        );
        let keys: Vec<&str> = s.terms.keys().map(String::as_str).collect();
        for k in [
            "bwea.com",
            "default.asp",
            "mailto:reports",
            "sandy_butterfield",
            "japan-us.org",
        ] {
            assert!(
                !keys.contains(&k),
                "{k} should not be a candidate: {keys:?}"
            );
        }
        for k in ["u.s", "l.prandtl", "japan-u.s", "non-u.s"] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
    }

    #[test]
    fn candidates_are_bounded_by_stop_words_and_punctuation() {
        let s = count_document(
            "The abuse of power harms trade. Wind turbines, wind turbine blades.\nJapan's trade surplus grew.",
        );
        let keys: Vec<&str> = s.terms.keys().map(String::as_str).collect();
        for k in [
            "abuse of power",
            "wind turbine",
            "wind turbine blade",
            "trade surplus",
            "japan",
        ] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
        for k in ["of power", "abuse of", "turbine wind", "japan trade"] {
            assert!(!keys.contains(&k), "{k} should not be a candidate");
        }
        assert_eq!(s.terms["wind turbine"].freq, 2);
        assert_eq!(s.terms["wind turbine"].doc_freq, 1);
        assert_eq!(s.terms["wind turbine"].surface(), "wind turbine");
        assert_eq!(
            s.terms["trade surplus"].example,
            "Japan's trade surplus grew."
        );
        // The possessive is not part of the term.
        let s = count_document("We met Montenegro's delegates. Montenegro’s courts act.");
        assert_eq!(s.terms["montenegro"].surface(), "Montenegro");
        assert_eq!(s.terms["montenegro"].freq, 2);
    }

    #[test]
    fn some_stop_words_in_capitals_are_abbreviations() {
        let s = count_document(
            "US officials met the WHO. The US trade deficit grew. You must NOT \
             ride. Do it. DO NOT PASS is a sign. Or not. Draw it IN. Lower back pain. \
             They met at IT HQ today.",
        );
        let keys: Vec<&str> = s.terms.keys().map(String::as_str).collect();
        for k in [
            "us",
            "us official",
            "us trade deficit",
            "who",
            "lower back pain",
        ] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
        assert_eq!(s.terms["us"].surface(), "US");
        assert_eq!(s.terms["us"].freq, 2);
        // Emphasis, keywords, capitals beside capitals, and the words
        // themselves.
        for k in ["not", "do", "it", "or", "in"] {
            assert!(!keys.contains(&k), "{k} should not be a candidate");
        }
        // Another stop word in capitals is an abbreviation where the
        // document writes it alone in parentheses.
        let s = count_document("The odds ratio (OR) was 2. The OR was high, or higher.");
        assert_eq!(s.terms["or"].freq, 2);
        assert_eq!(s.terms["or"].surface(), "OR");
        assert_eq!(parenthesised_capitals("(OR) (ABCDEF) (A) (Or) (NO"), ["or"]);
    }

    #[test]
    fn a_term_runs_across_a_hard_wrap_but_not_out_of_a_heading() {
        let s = count_document(
            "Customs duties on imported steel rose. The persistent trade\n\
             deficit will shrink, and the trade deficit matters.\n\
             Tariff Schedules\n\
             Customs duties apply. Agenda items for the meeting of the trade committee\n\
             Export Controls\n\
             Licences are needed. Steel goods are GOODS LISTED IN THE ANNEX OF THE ACT\n\
             Rules follow here.\rOld Mac\rLine ends.",
        );
        let keys: Vec<&str> = s.terms.keys().map(String::as_str).collect();
        // The sentence starts mid-line: its first line is long all the same.
        assert_eq!(s.terms["persistent trade deficit"].freq, 1, "{keys:?}");
        assert_eq!(s.terms["trade deficit"].freq, 2);
        // The surface is shown with one space, not the line break.
        assert_eq!(
            s.terms["persistent trade deficit"].surface(),
            "persistent trade deficit"
        );
        for k in [
            "tariff schedule custom duty",
            "schedule custom",
            "trade committee export control",
            "committee export",
            "act rule",
            "annex of the act rule",
            "rule follow here old mac",
            "mac line",
        ] {
            assert!(
                !keys.contains(&k),
                "{k} should not be a candidate: {keys:?}"
            );
        }
        assert_eq!(
            wrapped_lines("a line long enough to be a wrapped line of text\nb.\nc", 0),
            ["a line long enough to be a wrapped line of text\nb.", "c"]
        );
        // Heading-like short line without punctuation: not joined.
        assert_eq!(
            wrapped_lines("a line long enough to be a wrapped line of text\nb\nc", 0).len(),
            3
        );
        // A line in capitals after one that is not: a heading, not joined.
        assert_eq!(
            wrapped_lines(
                "a line long enough to be a wrapped line of text\nA HEADING IN CAPITALS THAT IS LONG ENOUGH.",
                0
            )
            .len(),
            2
        );
        // The lead is the line before a sentence, counted far enough only.
        assert_eq!(line_lead("ab\ncdé f", 8), 4);
        assert_eq!(line_lead(&"x".repeat(500), 500), WRAPPED_LINE);
        assert_eq!(line_lead("ab", 9), 0);
        // Lead characters count towards the first line.
        assert_eq!(wrapped_lines("short\nend.", 40).len(), 1);
        assert_eq!(wrapped_lines("short\nend.", 0).len(), 2);
    }

    /// Typographic hyphens pool with ASCII ones, and the plural of a word
    /// written with them is still made singular.
    #[test]
    fn unicode_hyphens_pool_with_ascii_ones() {
        let s = count_document(
            "The half\u{2010}pass came first. A half-pass is hard. Two half\u{2011}passes followed.",
        );
        assert_eq!(s.terms["half-pass"].freq, 3);
        assert_eq!(key("Half\u{2010}Passes"), "half-pass");
        assert!(!s.terms.keys().any(|k| k.contains('\u{2010}')));
    }

    /// A PDF's footnote numbers glued to words (`quotas14`) had made
    /// `safeguard measures3` and `safeguard measures4` two terms and lost
    /// `tariff-rate quotas` (an analyst's review).
    #[test]
    fn footnote_numbers_glued_to_words_are_no_part_of_terms() {
        let s = count_document(
            "Tariff-rate quotas14 apply to rice. The tariff-rate quotas15 are set by MAFF. \
             The safeguard measures3 expired. The safeguard measures4 lapsed. \
             G7 members, TPP11 parties and ipv6 addresses. Boeing777 parts and Covid19 rules.",
        );
        let keys: Vec<&String> = s.terms.keys().collect();
        assert_eq!(s.terms["tariff-rate quota"].freq, 2, "{keys:?}");
        assert_eq!(s.terms["safeguard measure"].freq, 2, "{keys:?}");
        for k in ["g7 member", "tpp11 party", "ipv6 address"] {
            assert!(s.terms.contains_key(k), "{k}: {keys:?}");
        }
        // A model's number is no footnote's (a review found `Boeing`).
        for k in [
            "measure expired",
            "quota apply",
            "measures3",
            "boeing",
            "covid",
        ] {
            assert!(!s.terms.contains_key(k), "{k}: {keys:?}");
        }
        assert!(
            keys.iter().all(|k| !k
                .split(' ')
                .any(|w| w.ends_with(|c: char| c.is_ascii_digit())
                    && !["g7", "tpp11", "ipv6", "boeing777", "covid19"].contains(&w))),
            "{keys:?}"
        );
    }

    /// A two-column page's text puts both columns on one line: terms ran
    /// from one into the other (`certificate of origin resilience`, an
    /// analyst's review). Three spaces or a tab part them; a wrapped
    /// line's indentation does not.
    #[test]
    fn column_gaps_part_candidates() {
        let s = count_document(
            "Supply chain               certificate of origin\n\
             resilience remained        procedures matter.\n\
             Export\tcontrols apply. We know that the tariff rate\n      quotas stay.\n\
             Japan will expand the import quota system for imported rice   and the wheat\n\
             quotas stay in place for beef and pork until the end of the fiscal year.",
        );
        let keys: Vec<&String> = s.terms.keys().collect();
        for k in ["chain certificate", "origin resilience", "export control"] {
            assert!(!s.terms.contains_key(k), "{k}: {keys:?}");
        }
        // A justified line's wide gap stops no term at a break beside a
        // line without one.
        for k in [
            "supply chain",
            "certificate of origin",
            "tariff rate quota",
            "wheat quota",
        ] {
            assert!(s.terms.contains_key(k), "{k}: {keys:?}");
        }
    }

    #[test]
    fn function_words_join_capitalised_names_only() {
        let s = count_document(
            "We read the Treaty on European Union. Measures on corruption work. EU and GRECO met.",
        );
        assert!(s.terms.contains_key("treaty on european union"));
        assert!(!s.terms.contains_key("measure on corruption"));
        assert!(!s.terms.contains_key("on european union"));
        assert!(!s.terms.contains_key("treaty on"));
    }

    #[test]
    fn formulas_and_addresses_are_no_candidates() {
        let s = count_document(
            "The rotor torque follows.\ndT = ρ uw dA sin ϕ\nuw vw ww\nSee www.example.org for rotor torque.",
        );
        assert_eq!(s.terms["rotor torque"].freq, 2);
        for k in ["uw", "sin", "www.example.org", "dt"] {
            assert!(!s.terms.contains_key(k), "{k} should not be a candidate");
        }
    }

    #[test]
    fn abbreviations_keep_their_final_period() {
        let s = count_document(
            "Trade with the U.S. grew. The U.S. Department of Energy paid. We thank F.M.Darrieus.",
        );
        // A name written with initials does not take the sentence's period.
        assert_eq!(s.terms["f.m.darrieus"].surface(), "F.M.Darrieus");
        assert_eq!(s.terms["u.s"].freq, 2);
        assert_eq!(s.terms["u.s"].surface(), "U.S.");
        assert_eq!(key("U.S."), "u.s");
        // The period still ends the candidate.
        assert!(s.terms.contains_key("department of energy"));
        assert!(!s.terms.keys().any(|k| k.starts_with("u.s ")));
    }

    #[test]
    fn sentences_in_another_language_give_no_candidates() {
        let s = count_document(
            "Rüzgar türbinlerinin kanat tasarımı için yeni bir yöntem önerilmiştir. \
             The blade design of wind turbines matters. Gödel's theorem is cited in the wind turbine report.",
        );
        assert!(s.terms.contains_key("blade design"));
        assert!(s.terms.contains_key("wind turbine report"));
        for k in ["rüzgar", "tasarımı", "yöntem"] {
            assert!(!s.terms.contains_key(k), "{k} should not be a candidate");
        }
        // Foreign names do not make an English sentence foreign; a German
        // sentence with an English-looking word stays German.
        let s = count_document(
            "Trade agreement talks in Zürich and München ended early. \
             Die Verhandlungen über Zölle in München waren schwierig.",
        );
        assert!(
            s.terms.contains_key("trade agreement talk"),
            "{:?}",
            s.terms.keys()
        );
        assert!(s.terms.contains_key("münchen"));
        assert_eq!(s.terms["münchen"].freq, 1);
        assert!(!s.terms.contains_key("verhandlungen"));
    }

    #[test]
    fn trade_names_with_numbers_and_joined_capitals_are_candidates() {
        let s = count_document(
            "USTR threatened Super 301 action under Section 301 of the Trade Act of 1974. \
             Leaders of the G7 and the G-20 discussed M&A rules, S&D treatment and the L/C. \
             TPP11 members met in New York. Directive 95/46/EC costs EUR 500 a year.",
        );
        for k in [
            "super 301",
            "section 301",
            "trade act of 1974",
            "g7",
            "g-20",
            "m&a",
            "s&d treatment",
            "l/c",
            "tpp11",
            "new york",
        ] {
            assert!(s.terms.contains_key(k), "{k}: {:?}", s.terms.keys());
        }
        // A number is no candidate by itself, nor an amount, a reference cut
        // short or a number a candidate would begin with.
        for k in ["301", "301 action", "directive 95", "eur 500", "1974"] {
            assert!(!s.terms.contains_key(k), "{k}");
        }
        // Lowercase words joined by a slash stay apart.
        let s = count_document("The drag/lift ratio fell.");
        assert!(!s.terms.keys().any(|k| k.contains('/')));
    }

    #[test]
    fn names_hold_and_and_capitalised_general_words() {
        let s = count_document(
            "Tokyo signed the General Agreement on Tariffs and Trade. The Group of Seven met. \
             Voters chose America First. Japan and China talked. The new rules and old rules stay.",
        );
        for k in [
            "general agreement on tariff and trade",
            "group of seven",
            "america first",
        ] {
            assert!(s.terms.contains_key(k), "{k}: {:?}", s.terms.keys());
        }
        // `and` joins capitalised words only; `new` in lowercase is no name.
        assert!(!s.terms.contains_key("rule and old rule"));
        assert!(!s.terms.keys().any(|k| k.starts_with("new ")));
    }

    #[test]
    fn names_may_hold_a_list_with_commas() {
        let s = count_document(
            "Japan's Ministry of Economy, Trade and Industry (METI) spoke. The Ministry of \
             Land, Infrastructure, Transport, and Tourism agreed, as did the Department for \
             Environment, Food and Rural Affairs. Japan, China and Korea met. The Governments \
             of Japan, China and Korea agreed. The Bank of Japan, Toyota and Honda spoke. \
             The Bank of Japan, Tokyo. The Ministry of Finance, Tokyo. The Ministry of \
             Finance, Customs and Tariff Bureau report.",
        );
        for k in [
            "ministry of economy trade and industry",
            "ministry of land infrastructure transport and tourism",
            "department for environment food and rural affair",
        ] {
            assert!(s.terms.contains_key(k), "{k}: {:?}", s.terms.keys());
        }
        let meti = &s.terms["ministry of economy trade and industry"];
        assert_eq!(
            meti.surfaces.keys().collect::<Vec<_>>(),
            ["Ministry of Economy, Trade and Industry"]
        );
        // The definition `(METI)` reaches the long form across its comma.
        assert_eq!(meti.defined, 1);
        // No piece crosses a comma without the whole list; a list with no
        // `of` before it is no name.
        for k in [
            "economy trade",
            "ministry of economy trade",
            "economy trade and industry",
            "land infrastructure",
            "japan china",
            "japan china and korea",
            "government of japan china and korea",
            "bank of japan toyota and honda",
            // Two bodies, the second named by its head (a review found them
            // one name in a footnote).
            "ministry of finance customs and tariff bureau",
            "ministry of finance customs and tariff",
        ] {
            assert!(!s.terms.contains_key(k), "{k}");
        }
        assert!(s.terms.contains_key("customs and tariff bureau"));
        assert!(s.terms.contains_key("china and korea"));
    }

    #[test]
    fn names_at_sentence_starts_keep_their_capitals() {
        let s =
            count_document("Hiri Motu is spoken in Papua. Section 301 was cited. Tariffs rose.");
        assert_eq!(s.terms["hiri motu"].fallback, "Hiri Motu");
        assert_eq!(s.terms["section 301"].fallback, "Section 301");
        assert_eq!(s.terms["tariff"].fallback, "tariffs");
        // Names English writes capitalised keep their spelling where their
        // place says nothing of case (a review found `mexico` in a TBX).
        let s = count_document(
            "Mexico signed the deal. Tariffs fell.\n\nMEXICO AND NATO TALK STEEL\n\nTrade Rules For Mexico\n",
        );
        assert_eq!(s.terms["mexico"].fallback, "Mexico");
        assert_eq!(s.terms["nato"].fallback, "NATO");
        assert_eq!(s.terms["steel"].fallback, "steel");
        assert_eq!(s.terms["trade rule"].fallback, "trade rules");
        // Inflections of ordinary words, stop words and units stay lower
        // case (a first list had `Laws`, `Banks`, `Watts`, `IT`).
        let s = count_document(
            "Banks lent more.\n\nLaws changed.\n\nWatts matter.\n\nNumbers rose.\n\nIT SECTOR GROWS\n",
        );
        for (key, shown) in [
            ("bank", "banks"),
            ("law", "laws"),
            ("watt", "watts"),
            ("number", "numbers"),
            ("sector", "sector"),
        ] {
            assert_eq!(s.terms[key].fallback, shown, "{key}");
        }
    }

    /// `Mr` and `Nov` ranked among a news story's terms (a review found
    /// them): titles and month abbreviations are stop words.
    #[test]
    fn titles_and_month_abbreviations_are_no_candidates() {
        let stats = count_document(
            "Mr. Kantor said the tariff would rise. On Nov. 17 Mr. Kantor said it again.",
        );
        assert!(!stats.terms.contains_key("mr"), "{:?}", stats.terms.keys());
        assert!(!stats.terms.contains_key("nov"), "{:?}", stats.terms.keys());
        assert!(stats.terms.contains_key("kantor"));
    }

    #[test]
    fn lowercase_roman_numerals_are_no_candidates() {
        let s = count_document("See page xviii of the report. President Xi met the negotiators.");
        assert!(!s.terms.contains_key("xviii"));
        assert!(s.terms.contains_key("xi"));
        assert!(s.terms.contains_key("report"));
    }

    #[test]
    fn running_headers_count_once() {
        let page =
            |n: usize| format!("PROJECT DESIGN DOCUMENT FORM\nThe rotor blade {n} is long.\n\n");
        let s = count_document(&(1..=3).map(page).collect::<String>());
        assert_eq!(s.terms["project design document form"].freq, 1);
        assert_eq!(s.terms["rotor blade"].freq, 3);
        // Twice is not yet a running header.
        let s = count_document(&(1..=2).map(page).collect::<String>());
        assert_eq!(s.terms["project design document form"].freq, 2);
    }

    #[test]
    fn abbreviation_definitions_mark_both_forms() {
        let s = count_document(
            "The Group of States against Corruption (GRECO) met. GRECO reports to the Group of States \
             against Corruption. Costs rose (EUR 5) last year.",
        );
        assert_eq!(s.terms["group of state against corruption"].defined, 1);
        assert_eq!(s.terms["greco"].defined, 1);
        assert_eq!(s.terms["greco"].freq, 2);
        assert_eq!(s.terms["cost"].defined, 0);
        let s = count_document("WTO (World Trade Organization) rules apply. WTO members agree.");
        assert_eq!(s.terms["world trade organization"].defined, 1);
        assert_eq!(s.terms["wto"].defined, 1);
        assert_eq!(
            best_long_form("HAWT", "of the horizontal axis wind turbine").as_deref(),
            Some("horizontal axis wind turbine")
        );
        assert_eq!(best_long_form("XYZ", "the wind turbine"), None);
    }

    #[test]
    fn odd_parentheses_do_not_panic() {
        for text in [
            "(",
            ")",
            "()",
            "(AB",
            "AB)",
            "((AB)) x (CD) y",
            "İstanbul İİ (İİ) and ÇETİN ÇALIŞKAN (ÇÇ) met.",
            "a (AB CD EF) (X) (ÄÖ)",
            "Wind turbines (WT) (WT) (WT).",
        ] {
            // Counting must not panic; what it finds is checked elsewhere.
            let s = count_document(text);
            assert!(s.terms.values().all(|c| c.freq > 0), "{text}");
        }
        let s = count_document("Wind turbines (WT) are tall.");
        assert_eq!(s.terms["wt"].defined, 1);
        assert_eq!(s.terms["wind turbine"].defined, 1);
    }

    /// A wire's datelines put `TOKYO` and `WASHINGTON` among the top terms
    /// (a review found it); an acronym opening a heading stays a term.
    #[test]
    fn datelines_are_no_terms() {
        let text = "TOKYO — Japan cut the tariff on beef.\n\n\
                    WASHINGTON, Nov. 17 (Reuters) - Steel imports rose.\n\n\
                    NEW YORK -- Stocks fell.\n\n\
                    GENEVA – Talks on rules of origin resumed.\n\n\
                    WTO – an overview of the rules.\n\n\
                    EU - Japan talks.\n";
        let s = count_document(text);
        let keys: Vec<&String> = s.terms.keys().collect();
        for gone in ["tokyo", "washington", "new york", "geneva", "nov"] {
            assert!(!s.terms.contains_key(gone), "{gone}: {keys:?}");
        }
        for kept in ["wto", "eu", "tariff", "rule of origin"] {
            assert!(s.terms.contains_key(kept), "{kept}: {keys:?}");
        }
        assert_eq!(dateline("TOKYO — Japan"), Some("TOKYO — ".len()));
        assert_eq!(dateline("Tokyo — Japan"), None);
        assert_eq!(dateline("The TOKYO - office"), None);
    }

    /// A clause reporting a change was a term (`China rose`, `exports
    /// fell`, `rose`); the verb leading a term stays (`dropped call`).
    #[test]
    fn clauses_of_change_are_no_terms() {
        let s = count_document(
            "Imports from China rose, widening the deficit. Exports fell. \
             The dropped call rate is low. Capital gains and import surges are taxed. \
             Tokyo mulls rice tariff cut as Beijing imposes export curbs.",
        );
        let keys: Vec<&String> = s.terms.keys().collect();
        for gone in [
            "china rose",
            "rose",
            "export fell",
            "fell",
            "tokyo mull",
            "mull",
            "tokyo mull rice tariff cut",
            "mull rice",
            "beijing impose",
            "beijing impose export curb",
            "impose",
            "impose export curb",
        ] {
            assert!(!s.terms.contains_key(gone), "{gone}: {keys:?}");
        }
        for kept in [
            "china",
            "dropped call",
            "dropped call rate",
            "export",
            "capital gain",
            "import surge",
            "rice tariff cut",
            "export curb",
        ] {
            assert!(s.terms.contains_key(kept), "{kept}: {keys:?}");
        }
    }

    /// A wire story's byline, credit and stamp gave its reporters and
    /// weekdays as top terms.
    #[test]
    fn credit_lines_give_no_terms() {
        let s = count_document(
            "Japan exports rise\n\nBy Leika Kihara and Tetsushi Kajimoto\n\n\
             Published Wed, Dec. 11, 2023 09:11 AM JST\n\n\
             Japan's exports of semiconductor equipment rose, data showed on Wed.\n\n\
             (Reporting by Leika Kihara; Editing by Sam Holmes)\n",
        );
        let keys: Vec<&String> = s.terms.keys().collect();
        for gone in ["leika kihara", "sam holmes", "jst", "wed", "published wed"] {
            assert!(!s.terms.contains_key(gone), "{gone}: {keys:?}");
        }
        assert!(s.terms.contains_key("semiconductor equipment"), "{keys:?}");
    }

    /// A web page's labels, links and notices ranked among a scraped
    /// corpus's terms (`privacy policy`, `required fields`, `Reply`).
    #[test]
    fn page_furniture_gives_no_terms() {
        let s = count_document(
            "Japan's trade surplus widened.\n\nShare this:\n\n\
             Related\nTokyo stocks rise on chip demand\n\n\
             Your email address will not be published. Required fields are marked *\n\n\
             Privacy Policy | Terms of Use\n\n\
             © 2024 Example News. All rights reserved.\n",
        );
        let keys: Vec<&String> = s.terms.keys().collect();
        for gone in [
            "share",
            "tokyo stock",
            "chip demand",
            "email address",
            "required field",
            "privacy policy",
            "example news",
            "right",
        ] {
            assert!(!s.terms.contains_key(gone), "{gone}: {keys:?}");
        }
        assert!(s.terms.contains_key("trade surplus"), "{keys:?}");
    }

    /// A heading in title case capitalises every word: its terms count as
    /// at a sentence start, not as names (`Offshore Wind Turbines` made a
    /// capitalised candidate of an ordinary term).
    #[test]
    fn headings_in_title_case_say_nothing_of_names() {
        let s = count_document(
            "Offshore Wind Turbines and the WTO Rules\n\nWe build offshore wind turbines. \
             Rules of Origin\n\nThe European Union acts.",
        );
        let turbines = &s.terms["offshore wind turbine"];
        assert_eq!((turbines.cased, turbines.capitalized), (1, 0));
        assert_eq!(turbines.surface(), "offshore wind turbines");
        let rules = &s.terms["wto rule"];
        assert_eq!((rules.cased, rules.fallback.as_str()), (0, "WTO rules"));
        assert_eq!(s.terms["rule of origin"].fallback, "rules of origin");
        // A sentence of running text keeps its names.
        assert_eq!(s.terms["european union"].capitalized, 1);
    }

    #[test]
    fn case_is_read_away_from_sentence_starts() {
        let s = count_document("Corruption is bad. We fight corruption. The European Union acts.");
        assert_eq!(s.terms["corruption"].surface(), "corruption");
        assert_eq!(s.terms["corruption"].cased, 1);
        assert_eq!(s.terms["european union"].capitalized, 1);
        assert_eq!(s.terms["european union"].surface(), "European Union");
    }
}
