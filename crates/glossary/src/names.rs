//! Words of longer names and titles that the glossary does not have: a
//! glossary term inside one is a word of the name, not a term of its own
//! (`Agriculture` of `Minister of Agriculture, Forestry and Fisheries`,
//! 経済 of 経済再生担当大臣). `check` asks no translation for such a word,
//! and `annotate` does not gloss it.

use crate::Span;

/// Heads of Japanese official titles and the concepts their compounds
/// answer, from `data/title-heads-ja.tsv`.
pub(crate) const TITLE_HEADS: &str = include_str!("../data/title-heads-ja.tsv");

/// The heads of `data/title-heads-ja.tsv` (省, 大臣, 相, 長官, 庁), longest
/// first, each with the concept its compounds answer in a translation when
/// the glossary has it (`ministry` for 省).
pub(crate) struct TitleHeads {
    pub(crate) heads: Vec<(String, Option<usize>)>,
    /// The glossary's Japanese terms that are titles: more than a head
    /// they end with (首相, 経済産業大臣).
    titles: std::collections::HashSet<String>,
}

impl TitleHeads {
    pub(crate) fn new(g: &crate::Glossary) -> TitleHeads {
        let mut heads: Vec<(String, Option<usize>)> = two_columns(TITLE_HEADS)
            .filter(|(head, _)| !head.is_empty())
            .map(|(head, id)| {
                let concept = g.concepts.iter().position(|c| c.id == id);
                (head.to_string(), concept)
            })
            .collect();
        heads.sort_by_key(|(h, _)| std::cmp::Reverse(h.len()));
        let titles = g
            .concepts
            .iter()
            .flat_map(|c| &c.ja)
            .map(|t| t.term.as_str())
            .filter(|t| {
                heads
                    .iter()
                    .any(|(h, _)| t.ends_with(h.as_str()) && t.len() > h.len())
            })
            .map(str::to_string)
            .collect();
        TitleHeads { heads, titles }
    }

    /// The head that the kanji compound `text[start..end]` ends with, when
    /// the compound is more than the head (経済産業省, 同省; not 省 alone).
    fn head_of(&self, text: &str, start: usize, end: usize) -> Option<&(String, Option<usize>)> {
        let compound = &text[start..end];
        self.heads
            .iter()
            .find(|(h, _)| compound.ends_with(h.as_str()) && compound.len() > h.len())
    }

    /// The concepts that the title compounds of a Japanese translation
    /// answer: any ministry's name, or 同省, answers `ministry`.
    pub(crate) fn concepts_in(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if self.heads.iter().all(|(_, c)| c.is_none()) {
            return out;
        }
        for (start, end) in kanji_runs(text) {
            if let Some(&(_, Some(concept))) = self.head_of(text, start, end)
                && !out.contains(&concept)
            {
                out.push(concept);
            }
        }
        out
    }

    /// Whether the term at `span` of a Japanese source is a word of a
    /// longer title (a kanji compound ending in a head): 経済 and 大臣 in
    /// 経済再生担当大臣, 貿易 in 貿易相. Not a term that ends the compound and
    /// is more than its head, which is the title itself after a name
    /// (経済産業大臣 in 武藤容治経済産業大臣), nor the name before such a
    /// title of the glossary (細川護熙 of 細川護熙首相).
    fn inside_a_title(&self, source: &str, (start, end): (usize, usize), span: &Span) -> bool {
        if (start, end) == (span.start, span.end) {
            return false;
        }
        // A name before a title of the glossary (細川護熙 of 細川護熙首相).
        let title = &source[span.end..end];
        // 元首相, 前首相, 現首相: a former, the last or the present holder.
        let bare = title.strip_prefix(['元', '前', '現']).unwrap_or(title);
        if span.start == start && (self.titles.contains(title) || self.titles.contains(bare)) {
            return false;
        }
        match self.head_of(source, start, end) {
            None => false,
            Some((head, _)) => span.end < end || span.end - span.start <= head.len(),
        }
    }
}

/// Whether the Japanese term at `span` of `source` is a word of a longer
/// title ([`TitleHeads::inside_a_title`]) or of a person's name
/// ([`inside_a_name`]): the kanji compound around it, found once, tells.
pub(crate) fn inside_a_japanese_name(source: &str, span: &Span, titles: &TitleHeads) -> bool {
    let run = kanji_run_around(source, span.start, span.end);
    titles.inside_a_title(source, run, span) || inside_a_name(source, run, span)
}

/// Honorifics written after a person's name (細川律夫氏, 大豆生田さん).
const HONORIFICS: [&str; 4] = ["氏", "さん", "様", "君"];

/// Whether an honorific follows byte `at` of `text`: IPADIC reads an
/// unknown name's last kanji with it as one word (熙氏 of 細川護熙氏), so
/// the name ends inside a morpheme there.
pub(crate) fn honorific_at(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| HONORIFICS.iter().any(|h| rest.starts_with(h)))
}

/// Whether the Japanese term at `span` is a part of a person's name: a
/// kanji run that an honorific follows holds more than the term (細川 of
/// 細川律夫氏, 大豆 of 大豆生田氏; a translator's review found them glossed
/// `Prime Minister Hosokawa` and `soybean`). A name the glossary has whole
/// (細川護熙 before 氏) is the run itself, and stays.
fn inside_a_name(source: &str, (start, end): (usize, usize), span: &Span) -> bool {
    // 氏, 様 and 君 are kanji themselves: the run ends with the honorific,
    // and the name is the run before it.
    let (name_end, honoured) = match HONORIFICS
        .iter()
        .find(|h| source[start..end].ends_with(*h) && end - h.len() > start)
    {
        Some(h) => (end - h.len(), true),
        None => (end, HONORIFICS.iter().any(|h| source[end..].starts_with(h))),
    };
    honoured && span.end <= name_end && (start, name_end) != (span.start, span.end)
}

/// Kanji (and the iteration mark 々) that make up a compound.
fn compound_char(c: char) -> bool {
    crate::normalize::is_kanji(c) || c == '々'
}

/// The byte ranges of the runs of kanji in `text`.
fn kanji_runs(text: &str) -> Vec<(usize, usize)> {
    runs(text, compound_char)
}

/// The byte ranges of the runs of characters of `text` that `keep` takes.
fn runs(text: &str, keep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (keep(c), run) {
            (true, None) => run = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                run = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run {
        out.push((s, text.len()));
    }
    out
}

/// `start..end` of `text` widened over the kanji right before and after
/// it: the compound it stands in.
fn kanji_run_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let before: usize = text[..start]
        .chars()
        .rev()
        .take_while(|&c| compound_char(c))
        .map(char::len_utf8)
        .sum();
    let after: usize = text[end..]
        .chars()
        .take_while(|&c| compound_char(c))
        .map(char::len_utf8)
        .sum();
    (start - before, end + after)
}

/// Small words that stay in lowercase inside a name or a headline in title
/// case (`Ministry of Economy, Trade and Industry`).
const FUNCTION_WORDS: [&str; 24] = [
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "at", "by", "in", "of", "off",
    "on", "per", "to", "up", "via", "as", "from", "into", "with",
];

/// A word of an English text: its byte range, without the punctuation
/// around it, and whether a comma, or other punctuation (which ends a
/// name: `.`, `;`, `:`, a bracket, a quote), follows it.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    comma: bool,
    stop: bool,
}

/// The words of `text` (runs between white space, punctuation trimmed).
fn words_of(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for (start, end) in runs(text, |c| !c.is_whitespace()) {
        let chunk = &text[start..end];
        let inner = chunk.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
        if inner.is_empty() {
            // Punctuation standing alone (`–`, `,`) ends a name, or lists.
            if let Some(w) = out.last_mut() {
                w.stop |= !chunk.chars().all(|c| c == ',' || c == '&');
                w.comma |= chunk.contains(',');
            }
            continue;
        }
        let lead = chunk.len()
            - chunk
                .trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .len();
        let trail = &chunk[lead + inner.len()..];
        out.push(Word {
            start: start + lead,
            end: start + lead + inner.len(),
            comma: trail.starts_with(','),
            stop: !trail.is_empty() && !trail.starts_with(','),
        });
    }
    out
}

/// Whether the English term at `span` of a source stands inside a longer
/// name the glossary does not have, so that its words are no terms of
/// their own. A name is capitalised words joined by `of` or `for` (`the`
/// may follow), and after these by commas, `and` or `&` (`Ministry of
/// Commerce`, `Minister of Agriculture, Forestry and Fisheries`, `Secretary
/// of State for Business and Trade`):
/// - a name of the glossary (a term with capitals, `Secretary of State`)
///   followed by `of` or `for` and a capitalised word is the head of a
///   longer name (`… for Business and Trade`: a British minister);
/// - a term without capitals written with them (`Ministry`, `Agriculture`)
///   that stands so joined to capitalised words is a word of a name, where
///   the text has words in lowercase (running text; a headline in title
///   case capitalises every word).
///
/// Capitalised words after a title without `of` or `for` are a person's
/// name (`Prime Minister Shigeru Ishiba`), and words before it a country or
/// an adjective (`Japanese Prime Minister`): neither makes a longer name.
pub(crate) fn inside_a_longer_name(source: &str, span: &Span, term: &str) -> bool {
    let words = words_of(source);
    let text = |w: &Word| &source[w.start..w.end];
    let capitalised = |w: &Word| text(w).chars().next().is_some_and(char::is_uppercase);
    let lower = |w: &Word| text(w).to_lowercase();
    let (Some(first), Some(last)) = (
        words.iter().position(|w| w.end > span.start),
        words.iter().rposition(|w| w.start < span.end),
    ) else {
        return false;
    };
    if first > last {
        return false;
    }
    // `of` or `for` (and `the`) after the term, then a capitalised word.
    let head_of_a_name = || {
        let mut k = last + 1;
        if words[last].comma || words[last].stop {
            return false;
        }
        let Some(joint) = words
            .get(k)
            .filter(|w| matches!(lower(w).as_str(), "of" | "for"))
        else {
            return false;
        };
        if joint.comma || joint.stop {
            return false;
        }
        k += 1;
        if words
            .get(k)
            .is_some_and(|w| lower(w) == "the" && !w.comma && !w.stop)
        {
            k += 1;
        }
        words.get(k).is_some_and(capitalised)
    };
    if term.chars().any(char::is_uppercase) {
        return head_of_a_name();
    }
    let written_capitalised = words[first..=last]
        .iter()
        .all(|w| capitalised(w) || FUNCTION_WORDS.contains(&lower(w).as_str()));
    let running_text = words.iter().any(|w| {
        text(w).chars().next().is_some_and(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&lower(w).as_str())
    });
    if !written_capitalised || !running_text {
        return false;
    }
    if head_of_a_name() {
        return true;
    }
    // Back over the capitalised words (a list: `Agriculture, Forestry and`)
    // to `of` or `for` after a capitalised word.
    let mut k = first;
    while k > 0 {
        let w = &words[k - 1];
        if w.stop {
            return false;
        }
        match lower(w).as_str() {
            "of" | "for" => {
                return !w.comma
                    && k >= 2
                    && capitalised(&words[k - 2])
                    && !words[k - 2].stop
                    && !words[k - 2].comma;
            }
            "the" if k >= 2 && matches!(lower(&words[k - 2]).as_str(), "of" | "for") => k -= 1,
            "and" | "&" => k -= 1,
            _ if capitalised(w) => k -= 1,
            _ => return false,
        }
    }
    false
}

/// How far (in bytes) around a term of a document `annotate` looks for the
/// name it may stand in: a name is short, and a document may be one line.
const NAME_WINDOW: usize = 400;

/// Whether the term at `span` of a document (`term` as the glossary writes
/// it) is a word of a longer name or title the glossary lacks, as `check`
/// reads a source segment: Japanese by [`TitleHeads::inside_a_title`],
/// English by [`inside_a_longer_name`] on the term's line, or the
/// [`NAME_WINDOW`] bytes either side of it on a longer one.
pub(crate) fn word_of_a_longer_name(
    text: &str,
    span: &Span,
    term: &str,
    titles: &TitleHeads,
) -> bool {
    let Some(found) = text.get(span.start..span.end) else {
        return false;
    };
    if found.chars().any(crate::normalize::is_cjk) {
        return inside_a_japanese_name(text, span, titles);
    }
    // The line's ends are looked for within the window alone: searched to
    // the document's ends for every term, a long line cost quadratic time
    // (a code review: 2 MB on one line took 11 s).
    let lo = text.floor_char_boundary(span.start.saturating_sub(NAME_WINDOW));
    let hi = text.ceil_char_boundary((span.end + NAME_WINDOW).min(text.len()));
    let line_start = text[lo..span.start].rfind('\n').map(|i| lo + i + 1);
    let line_end = text[span.end..hi].find('\n').map(|i| span.end + i);
    // Whole words only: a window that cuts a line moves to white space.
    let from = line_start.unwrap_or_else(|| {
        if lo == 0 {
            0
        } else {
            text[lo..span.start]
                .find(char::is_whitespace)
                .map_or(span.start, |i| lo + i)
        }
    });
    let to = line_end.unwrap_or_else(|| {
        if hi == text.len() {
            hi
        } else {
            text[span.end..hi]
                .rfind(char::is_whitespace)
                .map_or(span.end, |i| span.end + i)
        }
    });
    let local = Span {
        start: span.start - from,
        end: span.end - from,
        ..*span
    };
    inside_a_longer_name(&text[from..to], &local, term)
}

/// `data/persons.tsv`: the glossary's people, with the words that name
/// each before the surname.
const PERSONS: &str = include_str!("../data/persons.tsv");

/// `data/honorifics-en.tsv`: honorifics, `same` or `other`.
const HONORIFICS_EN: &str = include_str!("../data/honorifics-en.tsv");

/// The rows of a two-column data file.
fn two_columns(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::data::rows(data).filter_map(|(_, cells)| match cells[..] {
        [a, b] => Some((a, b)),
        _ => None,
    })
}

/// The words `data/persons.tsv` gives concept `id`, or `None` when the
/// concept is no person.
fn person_words(id: &str) -> Option<&'static str> {
    // Asked for every span annotate finds: the file is read once.
    static PEOPLE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    PEOPLE
        .get_or_init(|| two_columns(PERSONS).collect())
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, w)| *w)
}

/// Whether the English honorific `word` (`Mrs.`) is of `kind` (`same`,
/// `other`) in `data/honorifics-en.tsv`.
fn honorific(word: &str, kind: &str) -> bool {
    static HONORIFICS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let bare = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    HONORIFICS
        .get_or_init(|| two_columns(HONORIFICS_EN).collect())
        .iter()
        .any(|&(h, k)| h == bare && k == kind)
}

/// Whether the term at `span` is the surname of a person of the glossary
/// (`data/persons.tsv`: `Clinton` of `bill-clinton`, and its katakana
/// クリントン) written as the surname of someone else: after another
/// capitalised given name (`Hillary Clinton`, `Chelsea Clinton`) or an
/// honorific of someone else (`Mrs. Clinton`, `data/honorifics-en.tsv`), or
/// in Japanese after another katakana given name and a middle dot
/// (ヒラリー・クリントン). The person's own names and titles (`Bill`,
/// `President`, ビル), an honorific of the person (`Mr Clinton`) and a stop
/// word (`When Clinton took office`) keep it theirs.
pub(crate) fn another_persons_name(source: &str, span: &Span, concept: &crate::Concept) -> bool {
    let Some(found) = source.get(span.start..span.end) else {
        return false;
    };
    let Some(own_words) = person_words(&concept.id) else {
        return false;
    };
    if found.contains(char::is_whitespace) {
        return false;
    }
    let own = |w: &str| {
        own_words.split(' ').any(|o| o.eq_ignore_ascii_case(w))
            || concept
                .en
                .iter()
                .flat_map(|t| t.term.split(' '))
                .any(|o| o.eq_ignore_ascii_case(w))
    };
    let before = &source[..span.start];
    if found.chars().all(crate::normalize::is_katakana) {
        // ヒラリー・クリントン; ロドハム＝クリントン as some papers write it.
        let Some(rest) = before
            .strip_suffix('・')
            .or_else(|| before.strip_suffix('＝'))
            .or_else(|| before.strip_suffix('='))
        else {
            return false;
        };
        let given: String = rest
            .chars()
            .rev()
            .take_while(|&c| crate::normalize::is_katakana(c))
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        return !given.is_empty() && !own(&given);
    }
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = rest
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &rest[word_start..];
    if honorific(word, "other") {
        return true;
    }
    // A sentence's first word is taken as a given name too (`Hillary
    // Clinton said` opens many a sentence), a stop word aside (`When
    // Clinton spoke`); an adverb opening a sentence (`Yesterday Clinton
    // said`) is read as a name, as news rarely writes it.
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !own(word)
        && !honorific(word, "same")
        && !kotoba_tokenize::words::is_stop_word(&word.to_lowercase())
}
