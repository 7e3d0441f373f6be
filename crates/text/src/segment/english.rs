//! English sentence boundaries.
//!
//! One forward scan over the bytes: `memchr` finds the candidates (`.`, `!`,
//! `?` and line breaks) and each is decided from a small window around it —
//! the word before the terminator and the first character of the next word.
//!
//! * `.` after an ordinary word or a number ends a sentence unless the next
//!   word starts in lower case; `!` and `?` (also `!!`, `?!` ...) likewise.
//! * After an abbreviation it depends on the abbreviation's class (see
//!   `data/abbreviations-en.txt`): "Mr." never ends a sentence before a name,
//!   "No." never before a number, and "U.S."/"co." only before a common
//!   sentence starter ("the U.S. How about you?" but "the U.S. Government").
//!   Single-letter initials follow the same rule ("you and I. Did" but
//!   "Albert I. Jones").
//! * Closing quotes and brackets after the terminator stay with the sentence.
//! * No space after the period: split only between a lower-case word or a
//!   number and a capitalised word ("world.Today"), never inside e-mail
//!   addresses, URLs or initialisms ("U.S.-Japan", "Jane.Doe@example.com").
//! * Ellipses: `...`/`. . .` inside a sentence do not end it; a fourth dot
//!   does, before a capitalised word.
//! * A blank line always ends a sentence; a single line break ends one when
//!   the line has no final punctuation and the next line does not continue it
//!   (see [`Scanner::on_newline`]).
//! * Lists (`1.`, `2.)`, `a.`, `•`) are handled by [`super::lists`].

use memchr::{memchr, memchr3};

use super::SentenceSpan;
use super::abbreviations::{self, AbbrClass};
use super::lists::{self, Marker};
use super::scan::{
    byte, char_at, char_before, push_trimmed, skip_ws, skip_ws_counting_lines, ws_before, ws_len,
};

/// How far back (in bytes) to look for the start of the word before a period.
const MAX_TOKEN: usize = 64;
/// How far forward to look for the end of a word without spaces.
const MAX_LOOKAHEAD: usize = 256;

/// Splits English `text` into sentences.
pub(super) fn split(text: &str) -> Vec<SentenceSpan> {
    let mut scanner = Scanner::new(text);
    scanner.run();
    let mut out = Vec::with_capacity(scanner.spans.len() + 1);
    for span in scanner.spans {
        lists::split_items(text, span, &mut out);
    }
    out
}

/// Closing punctuation that stays with the sentence before it.
fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '›')
}

/// Opening punctuation that may come before the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '‹')
}

/// Characters to strip from the front of the word before a period.
fn is_word_prefix(c: char) -> bool {
    is_opener(c) || matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '*' | '-' | '–' | '—' | '/')
}

/// The offset after any closing punctuation starting at `i`.
fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_closer(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// What the first character of the next word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Lower,
    Upper,
    /// A digit or a currency sign.
    Digit,
    Other,
}

/// What follows a terminator (and its closing quotes or brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// Only white space to the end of the text.
    End,
    /// A blank line; the next sentence starts at the offset.
    BlankLine(usize),
    /// Something other than white space directly after ("world.Today").
    Attached,
    /// White space, then (after any opening quotes) a word at `word`.
    Spaced { kind: Kind, word: usize },
}

/// The word before a period, by what it means for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// An ordinary word, URL or e-mail address.
    Word,
    /// `55`, `$100.00`, `1,000`, `1026.253.553`.
    Number,
    /// A known abbreviation, or an initialism like `U.S.A`.
    Abbr(AbbrClass),
    /// A single upper-case letter: an initial ("Jonas E. Smith") or "I".
    Initial,
}

/// A run of dots: `.`, `...`, `. . .` or `. . . .`.
#[derive(Debug, Clone, Copy)]
struct Dots {
    count: usize,
    spaced: bool,
    end: usize,
}

fn dots_at(b: &[u8], i: usize) -> Dots {
    let mut k = i;
    while byte(b, k) == b'.' {
        k += 1;
    }
    let first = Dots {
        count: k - i,
        spaced: false,
        end: k,
    };
    let mut count = first.count;
    let mut spaced = false;
    while byte(b, k) == b' ' && byte(b, k + 1) == b'.' {
        spaced = true;
        k += 1;
        while byte(b, k) == b'.' {
            count += 1;
            k += 1;
        }
    }
    if spaced && count >= 3 {
        Dots {
            count,
            spaced,
            end: k,
        }
    } else {
        first
    }
}

fn is_number(word: &str) -> bool {
    let digits = word.trim_start_matches(['$', '€', '£', '¥', '#', '+', '-']);
    digits.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// `U.S.A`, `e.g`, `Ph.D`: letters in groups of one or two joined by periods.
fn is_initialism(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        if group.is_empty() || group.len() > 2 || !group.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

fn looks_like_address(word: &str) -> bool {
    word.contains('@') || word.contains('/') || word.contains("www.")
}

fn classify(raw: &str) -> Token {
    if looks_like_address(raw) {
        return Token::Word;
    }
    let word = raw.trim_start_matches(is_word_prefix);
    if word.is_empty() {
        return Token::Word;
    }
    if is_number(word) {
        return Token::Number;
    }
    // "(D-Mont.)": a party and a state abbreviation.
    let tail = word
        .rsplit_once('-')
        .map(|(_, tail)| tail)
        .filter(|tail| tail.starts_with(|c: char| c.is_ascii_uppercase()));
    // One capital letter is an initial (`Chad P. Bown`), though `p.`
    // (page) is listed and a lowercase entry matches any case.
    if let [l] = word.as_bytes()
        && l.is_ascii_uppercase()
    {
        return Token::Initial;
    }
    if let Some(class) =
        abbreviations::abbreviation(word).or_else(|| tail.and_then(abbreviations::abbreviation))
    {
        return Token::Abbr(class);
    }
    if is_initialism(word) {
        return Token::Abbr(AbbrClass::General);
    }
    match word.as_bytes() {
        [l] if l.is_ascii_uppercase() => Token::Initial,
        [l] if l.is_ascii_lowercase() => Token::Abbr(AbbrClass::General),
        _ => Token::Word,
    }
}

/// Quotation marks of the current sentence, counted up to `upto`.
#[derive(Default, Clone, Copy)]
struct QuoteCount {
    start: usize,
    upto: usize,
    straight: usize,
    opening: usize,
    closing: usize,
}

struct Scanner<'a> {
    quotes: QuoteCount,
    text: &'a str,
    b: &'a [u8],
    /// Start of the current sentence (never white space).
    start: usize,
    /// The list marker the current sentence is at, if any.
    list: Option<Marker>,
    spans: Vec<SentenceSpan>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        let start = skip_ws(text, 0);
        Scanner {
            quotes: QuoteCount::default(),
            text,
            b: text.as_bytes(),
            start,
            list: lists::parse_marker(text, start, false),
            spans: Vec::with_capacity(text.len() / 100 + 1),
        }
    }

    fn run(&mut self) {
        let b = self.b;
        let find_term = |from: usize| memchr3(b'.', b'!', b'?', b.get(from..)?).map(|i| i + from);
        let find_nl = |from: usize| memchr(b'\n', b.get(from..)?).map(|i| i + from);
        let mut pos = 0;
        let mut term = find_term(0);
        let mut nl = find_nl(0);
        loop {
            if term.is_some_and(|t| t < pos) {
                term = find_term(pos);
            }
            if nl.is_some_and(|l| l < pos) {
                nl = find_nl(pos);
            }
            let cand = match (term, nl) {
                (Some(t), Some(l)) => t.min(l),
                (Some(c), None) | (None, Some(c)) => c,
                (None, None) => break,
            };
            let next = if cand < self.start {
                cand + 1
            } else if b[cand] == b'\n' {
                self.on_newline(cand)
            } else if b[cand] == b'.' {
                self.on_period(cand)
            } else {
                self.on_bang(cand)
            };
            pos = next.max(cand + 1);
        }
        push_trimmed(self.text, self.start, self.text.len(), &mut self.spans);
    }

    /// Ends the current sentence at `end`; the next starts at or after `resume`.
    fn emit(&mut self, end: usize, resume: usize) {
        push_trimmed(self.text, self.start, end, &mut self.spans);
        self.start = skip_ws(self.text, resume.max(self.start));
        self.list = lists::parse_marker(self.text, self.start, false);
    }

    fn follow(&self, after: usize) -> Follow {
        if after >= self.b.len() {
            return Follow::End;
        }
        if ws_len(self.text, after) == 0 {
            return Follow::Attached;
        }
        let (k, blank) = skip_ws_counting_lines(self.text, after);
        if k >= self.b.len() {
            return Follow::End;
        }
        if blank {
            return Follow::BlankLine(k);
        }
        let mut word = k;
        while let Some(c) = char_at(self.text, word).filter(|&c| is_opener(c)) {
            word += c.len_utf8();
        }
        let kind = match char_at(self.text, word) {
            // A page number on a line of its own (`page 12`) follows a
            // sentence; it does not continue one as a lower-case word would.
            Some(_) if self.text[after..k].contains('\n') && page_number_line(self.text, k) => {
                Kind::Upper
            }
            Some(c) if c.is_lowercase() => Kind::Lower,
            Some(c) if c.is_uppercase() => Kind::Upper,
            Some(c) if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥') => Kind::Digit,
            _ => Kind::Other,
        };
        Follow::Spaced { kind, word }
    }

    /// Start of the word ending at `i` (not before the current sentence),
    /// and whether it was cut short at `MAX_TOKEN` bytes.
    fn token_start(&self, i: usize) -> (usize, bool) {
        let lo = self.start.max(i.saturating_sub(MAX_TOKEN));
        let mut k = i;
        while k > lo {
            match char_before(self.text, k) {
                Some(c) if !c.is_whitespace() => k -= c.len_utf8(),
                _ => return (k, false),
            }
        }
        (k, k > self.start && !ws_before(self.text, k))
    }

    fn token_before(&self, i: usize) -> (usize, Token) {
        let (start, cut) = self.token_start(i);
        let token = match self.text.get(start..i) {
            Some(raw) if !cut => classify(raw),
            _ => Token::Word,
        };
        (start, token)
    }

    /// True when a Roman numeral in capitals stands at `at`, as a number
    /// after `Art.`, `Vol.` or `Ch.` (`Art. XIX of GATT`, `vol. II`): a
    /// well-formed numeral (`XIX`, not `DVD`, `LCD` or `CIVIL`) of two
    /// letters or more, or `I`, `V` or `X` before a comma, colon, semicolon
    /// or closing bracket (`Art. I,`), as a lone `I` is more often the
    /// pronoun. After a lowercase abbreviation, which may be a word (`art.`),
    /// only numerals of two or more of I, V and X count: `art. DC`, `art. CD`
    /// and `art. I,` end sentences.
    fn roman_numeral_at(&self, at: usize, capitalised: bool) -> bool {
        let rest = self.b.get(at..).unwrap_or_default();
        let n = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let word = &rest[..n];
        let after = rest.get(n).copied();
        let small = word.iter().all(|b| matches!(b, b'I' | b'V' | b'X'));
        well_formed_roman(word)
            && (capitalised || small)
            && (n >= 2
                || (capitalised && small && matches!(after, Some(b',' | b':' | b';' | b')'))))
    }

    /// True when the word at `at` holds a figure: a document's or a case's
    /// number after `No.` (`No. WT/DS544/R`, `Nos. DS600 and DS601`), no
    /// sentence's first word.
    fn identifier_at(&self, at: usize) -> bool {
        let rest = self.b.get(at..).unwrap_or_default();
        rest.iter()
            .take_while(|b| !b.is_ascii_whitespace())
            .take(MAX_TOKEN)
            .any(u8::is_ascii_digit)
    }

    /// The word at `start` follows a number and a space: `9 a.m.` (see
    /// [`AbbrClass::PhraseEnd`]).
    fn after_number(&self, start: usize) -> bool {
        let before = self.text.get(..start).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', '\u{a0}']);
        trimmed.len() < before.len() && trimmed.ends_with(|c: char| c.is_ascii_digit())
    }

    /// The sentence so far, up to `start`, is a short phrase put first (`At
    /// 10 a.m.`, `By 5 p.m. Friday`): what follows is its clause (`At 10
    /// a.m. Prime Minister Kishida arrived`, which a code review found
    /// split), not a new sentence.
    fn fronted(&self, start: usize) -> bool {
        self.text
            .get(self.start..start)
            .is_some_and(|before| before.split_whitespace().nth(3).is_none())
    }

    /// The capitalised word at `at` goes on with a time or place before it:
    /// a weekday, a month or a zone word ("9 a.m. Monday", "9 a.m.
    /// Eastern"), a word in capitals ("9 a.m. EST") or a word before `time`
    /// ("9 a.m. Tokyo time").
    fn continues_a_phrase(&self, at: usize) -> bool {
        let rest = self.text.get(at..).unwrap_or("");
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let capitals = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        // `time` as the second or third word (`Tokyo time`, `Japan
        // Standard Time`), capitalised words before it.
        let words: Vec<&str> = rest
            .split(' ')
            .take(3)
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
            .collect();
        let before_time = words
            .iter()
            .skip(1)
            .position(|w| w.eq_ignore_ascii_case("time"))
            .is_some_and(|k| {
                words[..=k]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            });
        capitals || before_time || abbreviations::continues_a_phrase(word)
    }

    /// The capitalised word at `at` is a common sentence starter.
    fn starter_at(&self, at: usize) -> bool {
        // Starters are short: a longer word is none of them.
        let limit = (at + 16).min(self.b.len());
        let end = self
            .b
            .get(at..limit)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii_alphabetic()))
            .map_or(limit, |n| at + n);
        let cut = end == limit && limit < self.b.len();
        !cut && self
            .text
            .get(at..end)
            .is_some_and(abbreviations::is_sentence_starter)
    }

    /// No space after the terminator at `i` (closers end at `after`): split
    /// only "word.Word" or "1,000.That", never inside addresses.
    fn attached_split(&self, i: usize, after: usize) -> bool {
        let Some(c) = char_at(self.text, after).filter(|c| c.is_uppercase()) else {
            return false;
        };
        if !char_at(self.text, after + c.len_utf8()).is_some_and(char::is_lowercase) {
            return false;
        }
        if !char_before(self.text, i).is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            return false;
        }
        let (start, token) = self.token_before(i);
        let limit = (after + MAX_LOOKAHEAD).min(self.b.len());
        let end = self
            .b
            .get(after..limit)
            .and_then(|rest| rest.iter().position(|b| b.is_ascii_whitespace()))
            .map_or(limit, |n| after + n);
        let whole = self.text.get(start..end).unwrap_or("");
        matches!(token, Token::Word | Token::Number) && !looks_like_address(whole)
    }

    /// A `.` at `i`.
    fn on_period(&mut self, i: usize) -> usize {
        let dots = dots_at(self.b, i);
        if dots.count >= 2 {
            return self.on_ellipsis(i, dots);
        }
        let mut after = skip_closers(self.text, i + 1);
        after += self.footnote_marker(i, after);
        self.settle(i, after, Self::period_ends_sentence)
    }

    /// The length of a footnote's number glued after the period at `i` of a
    /// word (`customs brokers.12 Advance rulings`, `.¹²`): one to three
    /// digits, then white space. It belongs to the sentence before; the
    /// next may start after it. Not after a number (`2.13`) or an
    /// abbreviation (`No.12`, `Fig.3`).
    fn footnote_marker(&self, i: usize, after: usize) -> usize {
        let rest = self.text.get(after..).unwrap_or("");
        let digits: usize = rest
            .chars()
            .take_while(|&c| crate::footnote_digit(c))
            .take(4)
            .map(char::len_utf8)
            .sum();
        let count = rest.get(..digits).map_or(0, |d| d.chars().count());
        let spaced = rest
            .get(digits..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace);
        if !(1..=3).contains(&count)
            || !spaced
            || !char_before(self.text, i).is_some_and(char::is_lowercase)
            || self.token_before(i).1 != Token::Word
        {
            return 0;
        }
        digits
    }

    /// Decides the candidate boundary after the terminator at `i` (closers
    /// included up to `after`) from what follows; `spaced` decides when a
    /// space and a word follow. Returns where scanning resumes.
    fn settle(
        &mut self,
        i: usize,
        after: usize,
        spaced: impl FnOnce(&mut Self, usize, Kind, usize) -> bool,
    ) -> usize {
        match self.follow(after) {
            Follow::End => self.b.len(),
            Follow::BlankLine(next) => {
                self.emit(after, next);
                next
            }
            Follow::Attached => {
                if self.attached_split(i, after) {
                    self.emit(after, after);
                }
                after
            }
            Follow::Spaced { kind, word } => {
                if spaced(self, i, kind, word) && !self.inside_reported_speech(i, after) {
                    self.emit(after, after);
                }
                after
            }
        }
    }

    /// The terminator at `i` (closers up to `after`) stands inside a
    /// quotation that goes on past it and closes after a comma, as reported
    /// speech does (`"We will not accept this. These tariffs are unjustified,"
    /// the minister said.`): the quotation and its attribution are one
    /// sentence. Splitting there left a stray closing quote on the second
    /// half and the opening one on the first. Looked for within the
    /// paragraph and 1,000 bytes.
    fn inside_reported_speech(&mut self, i: usize, after: usize) -> bool {
        // Quotes counted from the sentence start on, where the last count
        // stopped (counting from the start each time was quadratic in a
        // long sentence of quotations).
        let q = &mut self.quotes;
        if q.start != self.start || q.upto > i {
            *q = QuoteCount {
                start: self.start,
                upto: self.start,
                ..QuoteCount::default()
            };
        }
        let Some(new) = self.text.get(q.upto..i) else {
            return false;
        };
        for c in new.chars() {
            match c {
                '"' => q.straight += 1,
                '\u{201C}' => q.opening += 1,
                '\u{201D}' => q.closing += 1,
                _ => {}
            }
        }
        q.upto = i;
        let open = q.straight % 2 == 1 || q.opening > q.closing;
        if !open || self.text[i..after].contains(['"', '\u{201D}']) {
            return false;
        }
        let ahead = &self.text[after..];
        let ahead = &ahead[..ahead.floor_char_boundary(1000)];
        let ahead = ahead.split("\n\n").next().unwrap_or("");
        match ahead.find(['"', '\u{201D}']) {
            Some(close) => ahead[..close].ends_with(','),
            None => false,
        }
    }

    fn period_ends_sentence(&mut self, i: usize, kind: Kind, word: usize) -> bool {
        if self.list.is_some_and(|current| current.dot == Some(i)) {
            // "1. The first item": the marker that starts the sentence.
            return false;
        }
        let (start, token) = self.token_before(i);
        if let Some(current) = self.list {
            // "1. The first item 2. The second item": the next marker.
            let next = lists::parse_marker(self.text, start, false)
                .filter(|next| next.dot == Some(i) && current.is_followed_by(next));
            if next.is_some() {
                self.list = next;
                return false;
            }
        }
        match token {
            Token::Word | Token::Number => kind != Kind::Lower,
            Token::Abbr(AbbrClass::Title) => false,
            Token::Abbr(AbbrClass::Number) => {
                let capitalised = self.b.get(start).is_some_and(u8::is_ascii_uppercase);
                matches!(kind, Kind::Upper | Kind::Other)
                    && !self.roman_numeral_at(word, capitalised)
                    && !self.identifier_at(word)
            }
            Token::Abbr(AbbrClass::General) => kind == Kind::Upper && self.starter_at(word),
            Token::Abbr(AbbrClass::PhraseEnd) => {
                kind == Kind::Upper
                    && (self.starter_at(word)
                        || (self.after_number(start)
                            && !self.fronted(start)
                            && !self.continues_a_phrase(word)))
            }
            Token::Initial => match kind {
                Kind::Upper => self.starter_at(word),
                Kind::Digit => true,
                Kind::Lower | Kind::Other => false,
            },
        }
    }

    /// Two or more dots starting at `i`.
    fn on_ellipsis(&mut self, i: usize, dots: Dots) -> usize {
        let end = dots.end;
        if matches!(char_before(self.text, i), Some('[' | '(')) {
            // "[...]": an elision mark, never a boundary.
            return end;
        }
        // A contents line's dot leader (`… semiconductors ............ 3`)
        // ends the entry after its page number, not at the dots (the number
        // had been glued to the next entry).
        if dots.count >= LEADER_DOTS
            && let Some(number_end) = self.page_number_after_leader(end)
        {
            self.emit(number_end, number_end);
            return number_end;
        }
        let after = skip_closers(self.text, end);
        let kind = match self.follow(after) {
            Follow::End => return self.b.len(),
            Follow::BlankLine(next) => {
                self.emit(after, next);
                return next;
            }
            Follow::Attached => return end,
            Follow::Spaced { kind, .. } => kind,
        };
        let attached = !ws_before(self.text, i);
        if dots.spaced && attached && dots.count >= 4 {
            // "compounds. . . . The practice": a full stop, then an ellipsis
            // that opens the next sentence.
            if matches!(kind, Kind::Upper | Kind::Digit) {
                self.emit(i + 1, i + 1);
            }
        } else if dots.count >= 4 {
            // "a period . . . . Next" / "that.... She": ellipsis plus full stop.
            if kind != Kind::Lower {
                self.emit(after, after);
            }
        } else if !dots.spaced && kind == Kind::Upper {
            // "I don't know... The": an unspaced ellipsis before a capital.
            self.emit(after, after);
        }
        end
    }

    /// Where the page number after a dot leader ending at `at` ends: spaces
    /// or tabs, then one to four digits or a Roman numeral, then white space
    /// or the text's end; `None` when there is none.
    fn page_number_after_leader(&self, at: usize) -> Option<usize> {
        let mut k = at;
        while matches!(byte(self.b, k), b' ' | b'\t') {
            k += 1;
        }
        let start = k;
        while byte(self.b, k).is_ascii_alphanumeric() && k - start <= 8 {
            k += 1;
        }
        let word = self.b.get(start..k)?;
        let digits = (1..=4).contains(&word.len()) && word.iter().all(u8::is_ascii_digit);
        let roman = crate::numerals::roman_value(&word.to_ascii_uppercase()).is_some();
        let ends = k >= self.b.len() || self.b[k].is_ascii_whitespace();
        // The next entry, or the line's end, follows: prose goes on in lower
        // case (`Exports fell......... 2024 was a bad year`, `Well...... I
        // don't know`, which a code review found split).
        let mut next = k;
        while matches!(byte(self.b, next), b' ' | b'\t') {
            next += 1;
        }
        let entry_ends = next >= self.b.len()
            || matches!(self.b[next], b'\n' | b'\r')
            || self.b[next].is_ascii_digit()
            || self.b[next].is_ascii_uppercase();
        ((digits || roman) && ends && entry_ends).then_some(k)
    }

    /// `!` or `?` at `i`, with any more of them after it.
    fn on_bang(&mut self, i: usize) -> usize {
        let mut j = i;
        while matches!(byte(self.b, j), b'!' | b'?') {
            j += 1;
        }
        let after = skip_closers(self.text, j);
        self.settle(i, after, |this, i, kind, word| {
            match this.token_before(i).1 {
                // "Yahoo!" is a name.
                Token::Abbr(_) if this.b[i] == b'!' => kind == Kind::Upper && this.starter_at(word),
                _ => kind != Kind::Lower,
            }
        })
    }

    /// Offset just after the last visible character before `i` (at least
    /// the sentence start).
    fn trim_back(&self, mut i: usize) -> usize {
        while i > self.start {
            match char_before(self.text, i) {
                Some(c) if c.is_whitespace() => i -= c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// The text before `end` ends with `.`, `!` or `?` (and closers).
    fn ends_with_terminator(&self, mut end: usize) -> bool {
        while let Some(c) = char_before(self.text, end) {
            match c {
                '.' | '!' | '?' => return true,
                c if is_closer(c) => end -= c.len_utf8(),
                _ => return false,
            }
        }
        false
    }

    /// The text before `end` ends with a comma, dash, or a word like "the".
    fn ends_with_continuation(&self, end: usize) -> bool {
        match char_before(self.text, end) {
            Some(',' | ';' | '-' | '–' | '—' | '&' | '/' | '(') => true,
            Some(c) if c.is_ascii_lowercase() => {
                let mut k = end;
                while k > self.start && end - k < 16 && self.b[k - 1].is_ascii_alphabetic() {
                    k -= 1;
                }
                self.text
                    .get(k..end)
                    .is_some_and(abbreviations::is_line_continuation)
            }
            _ => false,
        }
    }

    /// True when the line ending at `end` is a table row, within its last
    /// 2,000 bytes: it holds a bar `|`, or cells parted by two gaps or more
    /// of three spaces or a tab (`Steel      25.0      38.2`, as a PDF's
    /// table comes out).
    fn table_row(&self, end: usize) -> bool {
        let lo = end.saturating_sub(2000);
        let window = &self.b[lo..end];
        let line = memchr::memrchr(b'\n', window).map_or(window, |k| &window[k + 1..]);
        if memchr::memchr(b'|', line).is_some() {
            return true;
        }
        super::wide_gaps_in(line) >= 2
    }

    /// The words of the line ending at `end`: how many, and how many of
    /// them are capitalised (lines longer than `MAX_LINE` bytes count as
    /// long lines of running text).
    fn line_words(&self, end: usize) -> (usize, usize) {
        const MAX_LINE: usize = 2000;
        let lo = end.saturating_sub(MAX_LINE);
        let mut words = 0;
        let mut capitalised = 0;
        let mut k = end;
        while k > lo && self.b[k - 1] != b'\n' {
            let space = self.b[k - 1].is_ascii_whitespace();
            let word_start = !space && (k - 1 == 0 || self.b[k - 2].is_ascii_whitespace());
            if word_start {
                words += 1;
                if self.b[k - 1].is_ascii_uppercase() {
                    capitalised += 1;
                }
            }
            k -= 1;
        }
        if k > lo || lo == 0 {
            (words, capitalised)
        } else {
            (usize::MAX, 0)
        }
    }

    /// How many words of the line from `start` to `end` are figures
    /// (`-0.4`, `2,140`, `13.5%`).
    fn line_figures(&self, start: usize, end: usize) -> usize {
        self.text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '%' | '+' | '-' | '−'));
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            })
            .count()
    }

    /// A line break at `i`.
    ///
    /// A blank line always ends the sentence.  A single line break ends it
    /// when the line has no final punctuation (otherwise the terminator
    /// decided) and the next line does not continue it.  The next line
    /// continues it when this line ends with a comma, dash or function word
    /// ("perceived by\nU.S. officials"); or when the next line starts in lower
    /// case and this line has three words or more ("It was a cold\nnight in
    /// the city.", unlike "features\ncontact manager", a list or heading); or
    /// when this line is long running text (eight words or more, at most half
    /// of them capitalised, so not a title) wrapped before a capitalised word,
    /// and the next line is no longer than a column's (a headline above a
    /// paragraph on one line is no wrapped text). A line ending in a photo
    /// credit (`(AP Photo/…)`) ends its caption, and a line of links
    /// (`Read more: …`) its line. A next line that is a list item always starts a new sentence.
    fn on_newline(&mut self, i: usize) -> usize {
        let (k, blank) = skip_ws_counting_lines(self.text, i);
        if k >= self.b.len() {
            return self.b.len();
        }
        if blank {
            self.emit(i, k);
            return k;
        }
        let line_end = self.trim_back(i);
        if line_end <= self.start {
            return i + 1;
        }
        // A list item, or a news story's dateline (`GENEVA (Reuters) -`,
        // after a headline on a line of its own), starts a sentence, also
        // after an abbreviation that ends the line (`… deal with U.S.`).
        if lists::is_line_item(self.text, k) || super::dateline(&self.text[k..]).is_some() {
            self.emit(i, k);
            return k;
        }
        if self.ends_with_terminator(line_end) {
            return i + 1;
        }
        // A row of a table set with bars (`Product | Quota (t)`) is no
        // running text wrapped: its next line is the next row.
        if self.table_row(line_end) || self.table_row(line_end_from(self.b, k)) {
            self.emit(i, k);
            return k;
        }
        if self.ends_with_continuation(line_end) {
            return i + 1;
        }
        // A photo caption's credit ends the caption (`… 2025. (AP
        // Photo/Eugene Hoshiko)`): the story goes on in a sentence of its own.
        let line_start = memchr::memrchr(b'\n', &self.b[..line_end]).map_or(0, |p| p + 1);
        if crate::credits::ends_with_credit(&self.text[line_start..line_end]) {
            self.emit(i, k);
            return k;
        }
        // A line of links (`Read more: EU, U.S. agree …`) ran into the
        // story's next sentence, which went with it as furniture.
        if crate::page::links_line(&self.text[line_start..line_end]) {
            self.emit(i, k);
            return k;
        }
        let next_lower = char_at(self.text, k).is_some_and(char::is_lowercase);
        let (words, capitalised) = self.line_words(line_end);
        // Text wrapped to a column has no line much longer than the one
        // before: a headline over a paragraph written on one line is no
        // wrapped sentence (`Japan to raise tariff on US beef for 30 days⏎
        // Japan will raise tariffs on frozen beef …`).
        let next_fits = || {
            let next_len = line_end_from(self.b, k) - k;
            next_len <= (line_end - line_start) + WRAP_SLACK
        };
        // A sentence already running over from an earlier line is prose,
        // however many names this line holds (`… attended by U.S. Trade
        // Representative⏎Jamieson Greer and Japanese Economic Revitalization
        // Minister Ryosei⏎Akazawa, who said …`).
        let running_over = self.start < line_start;
        let wrapped = if next_lower {
            words >= 3
        } else {
            ((words >= 8 && capitalised.saturating_mul(2) <= words)
                || (running_over && words >= 3))
                && next_fits()
                // A row of figures (`Real GDP growth (%) -0.4 -4.2 2.6`) is a
                // table's, not wrapped prose.
                && self.line_figures(line_start, line_end).saturating_mul(2) < words
        };
        if wrapped {
            return i + 1;
        }
        self.emit(i, k);
        k
    }
}

/// Fewest dots of a contents line's leader (`Tariffs ........ 7`); an
/// ellipsis has three or four.
const LEADER_DOTS: usize = 5;

/// How much longer than a line the next may be and still be the same
/// column's (bytes): the longest word a wrapped line could not take.
const WRAP_SLACK: usize = 16;

/// The end of the line starting at `start` (its line break, or the end of
/// the text), looking 2,000 bytes ahead at most.
fn line_end_from(b: &[u8], start: usize) -> usize {
    let hi = b.len().min(start.saturating_add(2000));
    memchr::memchr(b'\n', &b[start.min(hi)..hi]).map_or(hi, |p| start + p)
}

/// True for a Roman numeral in capitals written the standard way, 1 to
/// 3999 (`XIX`, `MCMXCIV`; not `IIII`, `VX`, `DVD`).
fn well_formed_roman(word: &[u8]) -> bool {
    crate::numerals::roman_value(word).is_some()
}

/// True when the line starting at `at` is a page number alone, marked as
/// one (`page 12`, `Page 3 of 10`, `- 3 -`, `p. 7`:
/// [`crate::boilerplate::page_number`]).
fn page_number_line(text: &str, at: usize) -> bool {
    let line = text[at..].split('\n').next().unwrap_or("");
    crate::boilerplate::page_number(line).is_some_and(|p| p.marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// A headline of eight words or more ran into the lead written on one
    /// line after it, and a photo credit ending a caption into the story's
    /// next sentence (a review of saved news pages found both).
    #[test]
    fn headlines_and_captions_end_at_their_line() {
        let text = "Japan to raise tariff on US beef to 38.5 percent for 30 days\n\
                    Japan will raise tariffs on frozen beef from the US for 30 days after imports \
                    exceeded a trigger level, the Finance Ministry said.\n";
        assert_eq!(sentences(text).len(), 2, "{:?}", sentences(text));
        let text = "Cars wait at a port in Yokohama, on Jan. 16, 2025. (AP Photo/Eugene Hoshiko)\n\
                    Toyota, Honda and Nissan account for a third of U.S. car sales.\n";
        assert_eq!(
            sentences(text),
            [
                "Cars wait at a port in Yokohama, on Jan. 16, 2025.",
                "(AP Photo/Eugene Hoshiko)",
                "Toyota, Honda and Nissan account for a third of U.S. car sales."
            ]
        );
        let text = "Rice on sale at a supermarket in Tokyo. Photograph: Kim Kyung-Hoon/Reuters\n\
                    Japan's rice prices rose to a record in May, the ministry said.\n";
        assert_eq!(sentences(text).len(), 3, "{:?}", sentences(text));
        // Text wrapped to a column still joins before a capitalised word.
        let wrapped = "The talks between the two governments have been perceived by\n\
                       Japanese officials as a test of the new framework agreement, and\n\
                       Washington hopes for results.\n";
        assert_eq!(sentences(wrapped).len(), 1, "{:?}", sentences(wrapped));
        let wrapped = "Exporters in both countries have long complained about the barriers facing\n\
                       American goods in the markets of Japan.\n";
        assert_eq!(sentences(wrapped).len(), 1, "{:?}", sentences(wrapped));
        // A wrapped line of names inside a running sentence goes on too (a
        // second review found the lead cut after `Ryosei`).
        let names = "TOKYO, June 3 - The talks were attended by U.S. Trade Representative\n\
                     Jamieson Greer and Japanese Economic Revitalization Minister Ryosei\n\
                     Akazawa, who said the two sides had made progress on car tariffs.\n\
                     The next round is set for July.\n";
        assert_eq!(sentences(names).len(), 2, "{:?}", sentences(names));
        // Rows of figures are no wrapped prose.
        let table = "Real GDP growth (%)       -0.4    -4.2     2.6     1.0     1.9\n\
                     CPI inflation (%)          0.5     0.0    -0.2     2.5     3.2\n\
                     Source: Cabinet Office; and Bank of Japan.\n";
        assert_eq!(sentences(table).len(), 3, "{:?}", sentences(table));
    }

    #[test]
    fn tokens() {
        assert_eq!(classify("$100.00"), Token::Number);
        assert_eq!(classify("1026.253.553"), Token::Number);
        assert_eq!(classify("U.S.A"), Token::Abbr(AbbrClass::General));
        assert_eq!(classify("(Mr"), Token::Abbr(AbbrClass::Title));
        assert_eq!(classify("E"), Token::Initial);
        assert_eq!(classify("⁃10"), Token::Number);
        assert_eq!(classify("Jane.Doe@example.com"), Token::Word);
        assert_eq!(classify("world"), Token::Word);
        assert_eq!(classify("55)"), Token::Word);
        assert_eq!(classify("(D-Mont"), Token::Abbr(AbbrClass::General));
        assert_eq!(classify("co-op"), Token::Word);
    }

    #[test]
    fn dots() {
        let d = dots_at(b"a. . . . B", 1);
        assert_eq!((d.count, d.spaced, d.end), (4, true, 8));
        let d = dots_at(b"a.... B", 1);
        assert_eq!((d.count, d.spaced, d.end), (4, false, 5));
        let d = dots_at(b"a. .b", 1);
        assert_eq!((d.count, d.spaced, d.end), (1, false, 2));
    }

    /// A page number on its own line after a sentence joined it, as a
    /// lower-case word continues a sentence (a review found `this year.
    /// page 1` in summaries).
    #[test]
    fn a_page_number_line_is_no_part_of_the_sentence_before() {
        assert_eq!(
            sentences("Japan cut tariffs on beef imports this year.\npage 1\nThe deal holds."),
            [
                "Japan cut tariffs on beef imports this year.",
                "page 1",
                "The deal holds."
            ]
        );
        assert_eq!(
            sentences("Tariffs rose.\npage 3 of 10\n"),
            ["Tariffs rose.", "page 3 of 10"]
        );
        // Wrapped text that goes on in lower case still joins.
        assert_eq!(
            sentences("The rise hit the\npage 1 story of every paper."),
            ["The rise hit the\npage 1 story of every paper."]
        );
    }

    /// A month stands before a day or a year; before a capitalised word its
    /// period ends the sentence (it had run on, across a line break too).
    #[test]
    fn months_end_sentences_before_capitalised_words() {
        assert_eq!(
            sentences("The tariff took effect in Jan. Exporters complained."),
            ["The tariff took effect in Jan.", "Exporters complained."]
        );
        assert_eq!(
            sentences("Japan appealed in Feb.\nSony objected."),
            ["Japan appealed in Feb.", "Sony objected."]
        );
        assert_eq!(
            sentences("Talks began Jan. 5 and ended Dec. 1993 in Tokyo. Sept. and Oct. were calm."),
            [
                "Talks began Jan. 5 and ended Dec. 1993 in Tokyo.",
                "Sept. and Oct. were calm."
            ]
        );
    }

    #[test]
    fn abbreviations_before_capitals() {
        assert_eq!(
            sentences("I live in the U.S. How about you?"),
            ["I live in the U.S.", "How about you?"]
        );
        assert_eq!(
            sentences("I work for the U.S. Government in Virginia."),
            ["I work for the U.S. Government in Virginia."]
        );
        assert_eq!(
            sentences("Ask Mr. Smith. He knows."),
            ["Ask Mr. Smith.", "He knows."]
        );
        assert_eq!(
            sentences("See No. 5 and Fig. 3. Then stop."),
            ["See No. 5 and Fig. 3.", "Then stop."]
        );
        // Trade law cites articles and volumes by Roman numerals (a review
        // found `Art.` / `XIX of GATT 1994.` as two sentences).
        assert_eq!(
            sentences(
                "Safeguards fall under Art. XIX of GATT 1994. Under Arts. III and XI, quotas \
                 are banned. The panel cited fn. 45 of the report. Compare Annex 1A, Vol. II \
                 of the Agreement. See Art. I, then stop."
            ),
            [
                "Safeguards fall under Art. XIX of GATT 1994.",
                "Under Arts. III and XI, quotas are banned.",
                "The panel cited fn. 45 of the report.",
                "Compare Annex 1A, Vol. II of the Agreement.",
                "See Art. I, then stop."
            ]
        );
        // A lone I after such an abbreviation is the pronoun, and after a
        // lowercase `art.` or before an acronym that is no numeral a capital
        // starts a sentence, as before.
        assert_eq!(
            sentences("See Smith, History of Japan, vol. II, p. 35. Then art. XIX of the GATT."),
            [
                "See Smith, History of Japan, vol. II, p. 35.",
                "Then art. XIX of the GATT."
            ]
        );
        for text in [
            "I love modern art. I went to see it.",
            "She studied art. CD sales fell later.",
            "She studied art. DC was her next stop.",
            "I bought a book on art. DVD sales fell.",
            "The museum shows Art. LCD screens display it.",
            "He loved modern art. I, for one, did not.",
            "He studied Art. CIVIL law came later.",
        ] {
            assert_eq!(sentences(text).len(), 2, "{text}");
        }
        for (word, ok) in [
            ("XIX", true),
            ("MCMXCIV", true),
            ("II", true),
            ("IIII", false),
            ("VX", false),
            ("DVD", false),
            ("LCD", false),
            ("CIVIL", false),
            ("DID", false),
        ] {
            assert_eq!(well_formed_roman(word.as_bytes()), ok, "{word}");
        }
        assert_eq!(
            sentences("Jan. 5 was cold. Feb. was not."),
            ["Jan. 5 was cold.", "Feb. was not."]
        );
        assert_eq!(
            sentences("Ask Jane and co. They"),
            ["Ask Jane and co.", "They"]
        );
        assert_eq!(
            sentences("Ask Jane and co. Theyyyyyyyyyyyyyyyyyyyy"),
            ["Ask Jane and co. Theyyyyyyyyyyyyyyyyyyyy"]
        );
        assert_eq!(
            sentences("The list: apples, pears, etc. Analysts agree."),
            ["The list: apples, pears, etc.", "Analysts agree."]
        );
    }

    /// `9 a.m. Talks` had been one sentence (an analyst's review).
    /// `Washington, D.C. Officials` stays one: after `D.C.` a capitalised
    /// word is as often a title (`D.C. Mayor Muriel Bowser`).
    #[test]
    fn a_time_or_a_place_ends_before_a_new_sentence() {
        assert_eq!(
            sentences("Talks began at 9 a.m. Officials met until noon."),
            ["Talks began at 9 a.m.", "Officials met until noon."]
        );
        assert_eq!(
            sentences("Talks went on until 5 p.m. Negotiators then left."),
            ["Talks went on until 5 p.m.", "Negotiators then left."]
        );
        for one in [
            "Talks begin at 9 a.m. Monday in Tokyo.",
            "Talks begin at 9 a.m. EST in Geneva.",
            "Talks begin at 9 a.m. Eastern on Monday.",
            "Talks begin at 9 p.m. Tokyo time on Monday.",
            "Talks begin at 10:30 A.M. September 3.",
            "The D.C. Circuit ruled on the tariffs.",
            "He read the D.C. Council report.",
            // A time put first is the clause's, not a sentence of its own
            // (a code review), and a zone of several words goes on.
            "At 10 a.m. Prime Minister Kishida arrived at the summit.",
            "At 9 a.m. Japanese officials met.",
            "Talks resume at 10 a.m. Japan Standard Time on Monday.",
            "The rally in Washington, D.C. Mayor Muriel Bowser attended was large.",
        ] {
            assert_eq!(sentences(one), [one]);
        }
    }

    #[test]
    fn initials() {
        assert_eq!(
            sentences("We make a good team, you and I. Did you see Albert I. Jones yesterday?"),
            [
                "We make a good team, you and I.",
                "Did you see Albert I. Jones yesterday?"
            ]
        );
        assert_eq!(
            sentences("George W. Bush met the press."),
            ["George W. Bush met the press."]
        );
        // `p.` (page) is listed; `P.` is an initial all the same.
        assert_eq!(
            sentences("Chad P. Bown is a fellow. See p. 55 for data."),
            ["Chad P. Bown is a fellow.", "See p. 55 for data."]
        );
    }

    #[test]
    fn reported_speech_of_several_sentences_is_one() {
        assert_eq!(
            sentences(
                "\"We will not accept this. These tariffs are unjustified,\" EU trade chief \
                 Maros Sefcovic told reporters. Talks resume Monday."
            ),
            [
                "\"We will not accept this. These tariffs are unjustified,\" EU trade chief Maros Sefcovic told reporters.",
                "Talks resume Monday."
            ]
        );
        assert_eq!(
            sentences("He said: \u{201C}No. We wait.\u{201D} Talks resume Monday."),
            [
                "He said: \u{201C}No.",
                "We wait.\u{201D}",
                "Talks resume Monday."
            ]
        );
        assert_eq!(
            sentences("\"It is over.\" Talks ended. \"Fine,\" he said."),
            ["\"It is over.\"", "Talks ended.", "\"Fine,\" he said."]
        );
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            sentences("He said, \"Go.\" She went."),
            ["He said, \"Go.\"", "She went."]
        );
        assert_eq!(
            sentences("He said “Go.” she said."),
            ["He said “Go.” she said."]
        );
        assert_eq!(
            sentences("It rose (a lot.) Then fell."),
            ["It rose (a lot.)", "Then fell."]
        );
        assert_eq!(
            sentences("He left. “Why?” she asked."),
            ["He left.", "“Why?” she asked."]
        );
    }

    /// Footnote numbers glued to a sentence's period in a PDF's text ran
    /// three sentences into one (an analyst's review).
    #[test]
    fn footnote_numbers_after_a_period_end_the_sentence() {
        assert_eq!(
            sentences(
                "Entries are filed by customs brokers.12 Advance rulings are issued within 30 days.¹³ The number rose."
            ),
            [
                "Entries are filed by customs brokers.12",
                "Advance rulings are issued within 30 days.¹³",
                "The number rose."
            ]
        );
        assert_eq!(sentences("See Resolution No.12 The board agreed.").len(), 1);
        assert_eq!(sentences("Growth was 2.13 The end.").len(), 1);
    }

    /// WTO documents and disputes are numbered after `No.` (an analyst's
    /// review found `The panel report, No.` cut off in summaries).
    #[test]
    fn numbers_after_no_do_not_start_sentences() {
        assert_eq!(
            sentences(
                "The panel report, No. WT/DS544/R, was circulated on Friday. Cases Nos. DS600 and DS601 concern the EU."
            ),
            [
                "The panel report, No. WT/DS544/R, was circulated on Friday.",
                "Cases Nos. DS600 and DS601 concern the EU."
            ]
        );
    }

    /// A PDF's table comes out as rows of cells parted by wide gaps: its
    /// caption and header row had run into one summary sentence.
    #[test]
    fn rows_of_cells_parted_by_wide_gaps_are_no_wrapped_text() {
        assert_eq!(
            sentences(
                "Table 3.1 Export prices and tariff pass-through, by sector\n\
                 Sector          Tariff change (pp)   Pass-through (%)   Obs.\n\
                 Steel           25.0                 38.2               412,330\n"
            ),
            [
                "Table 3.1 Export prices and tariff pass-through, by sector",
                "Sector          Tariff change (pp)   Pass-through (%)   Obs.",
                "Steel           25.0                 38.2               412,330"
            ]
        );
        // One wide gap in a justified line is no table.
        assert_eq!(
            sentences("Japan will expand the quota for   imported rice and\nwheat next year."),
            ["Japan will expand the quota for   imported rice and\nwheat next year."]
        );
    }

    #[test]
    fn no_space_after_terminator() {
        assert_eq!(
            sentences("Hello world.Today is Tuesday."),
            ["Hello world.", "Today is Tuesday."]
        );
        assert_eq!(
            sentences("Ties to U.S.-Japan trade.Fine."),
            ["Ties to U.S.-Japan trade.", "Fine."]
        );
        assert_eq!(
            sentences("Mail Jane.Doe@example.com today."),
            ["Mail Jane.Doe@example.com today."]
        );
        assert_eq!(
            sentences("See example.com/Page.Html now."),
            ["See example.com/Page.Html now."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(sentences("Wait... The end."), ["Wait...", "The end."]);
        assert_eq!(sentences("Wait . . . the end."), ["Wait . . . the end."]);
        assert_eq!(sentences("Wait.... The end."), ["Wait....", "The end."]);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            sentences("A heading\n\nBody text here."),
            ["A heading", "Body text here."]
        );
        assert_eq!(sentences("U.S.\n\nThe end"), ["U.S.", "The end"]);
        assert_eq!(
            sentences("A Title Line\nThe body starts here."),
            ["A Title Line", "The body starts here."]
        );
        assert_eq!(
            sentences("It was perceived by\nU.S. officials as bad."),
            ["It was perceived by\nU.S. officials as bad."]
        );
        assert_eq!(
            sentences("Features:\n- fast\n- small"),
            ["Features:", "- fast", "- small"]
        );
        assert_eq!(
            sentences("It was a cold \r\nnight in the city."),
            ["It was a cold \r\nnight in the city."]
        );
    }

    /// A contents line ends after its page number, not at its dot leader
    /// (the number had been glued to the next entry); an ellipsis stays.
    #[test]
    fn a_contents_line_ends_after_its_page_number() {
        assert_eq!(
            sentences(
                "1 Export controls on semiconductors ............ 3\n\
                 2 Tariffs on agricultural products ................ 7\n\
                 Annex . . . . . . iv 3 Rules of origin ........12"
            ),
            [
                "1 Export controls on semiconductors ............ 3",
                "2 Tariffs on agricultural products ................ 7",
                "Annex . . . . . . iv",
                "3 Rules of origin ........12"
            ]
        );
        assert_eq!(
            sentences("He paused... 3 of them left."),
            ["He paused... 3 of them left."]
        );
        // Prose that goes on in lower case is no contents line: the dots
        // are an ellipsis (which, of four or more, ends a sentence before a
        // figure), and the number stays with its sentence.
        assert_eq!(
            sentences("Exports fell......... 2024 was a bad year for steel."),
            ["Exports fell.........", "2024 was a bad year for steel."]
        );
        assert_eq!(
            sentences("Well...... I don't know what to say about tariffs."),
            ["Well......", "I don't know what to say about tariffs."]
        );
    }

    /// A line of links ends at its line: the story's next sentence had run
    /// into `Read more: …` and gone with it as furniture (an analyst's
    /// review); a sentence opening with `Related` is no such line.
    #[test]
    fn a_line_of_links_ends_at_its_line() {
        assert_eq!(
            sentences(
                "The EU asked the WTO on Tuesday to set up a panel.\n\
                 Read more: EU, U.S. agree to pause tariffs on steel\n\
                 Steel exports from the EU to Japan fell 18% last year."
            ),
            [
                "The EU asked the WTO on Tuesday to set up a panel.",
                "Read more: EU, U.S. agree to pause tariffs on steel",
                "Steel exports from the EU to Japan fell 18% last year."
            ]
        );
        assert_eq!(
            sentences("Related party transactions at the bank rose\nsharply in May."),
            ["Related party transactions at the bank rose\nsharply in May."]
        );
    }

    #[test]
    fn lists() {
        assert_eq!(
            sentences("1. The first item 2. The second item"),
            ["1. The first item", "2. The second item"]
        );
        assert_eq!(
            sentences("He bought 2. The store closed."),
            ["He bought 2.", "The store closed."]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            " ",
            ".",
            "...",
            ". . . .",
            "!?",
            "\n\n",
            "a.\u{a0}B",
            "é.É",
            "。",
            "(.",
            "[...]",
            "1.",
            "•",
            "⁃9.",
            "Mr.",
            "“.”",
        ] {
            let spans = split(text);
            let mut last = 0;
            for s in spans {
                assert!(
                    s.start >= last && s.start < s.end && s.end <= text.len(),
                    "{text:?}"
                );
                let sentence = &text[s.start..s.end];
                assert_eq!(sentence, sentence.trim());
                last = s.end;
            }
        }
    }
}
