//! A web page's or a wire service's furniture around a story: copyright
//! lines, subscription prompts, link labels, bare dates, a release's slug,
//! a figure's label, an author's note. Counted as text they make poor
//! summaries and rank their words among a corpus's terms; the summarizer and
//! term extraction set them aside with this module.
//!
//! ```
//! use kotoba_text::page::{boilerplate, furniture};
//!
//! assert!(boilerplate("© 2024 Example News. All rights reserved."));
//! assert!(furniture("Related stories"));
//! assert!(furniture("Tuesday, March 5, 2024"));
//! assert!(!furniture("Share prices fell."));
//! assert!(!boilerplate("Japan's trade surplus widened in May."));
//!
//! // A whole page: which of its sentences are furniture.
//! use kotoba_text::page::furniture_sentences;
//! use kotoba_text::segment::{split_sentences, SegmentLang};
//!
//! let page = "Japan's trade surplus widened in May.\n\nRelated\nTokyo stocks rise\n\n\
//!             Exports of cars led the gain.\n";
//! let spans = split_sentences(page, SegmentLang::English);
//! let set_aside: Vec<&str> = furniture_sentences(page, &spans)
//!     .iter()
//!     .zip(&spans)
//!     .filter(|(aside, _)| **aside)
//!     .map(|(_, s)| &page[s.start..s.end])
//!     .collect();
//! // `Related` opens a block of links: the headline under it goes too.
//! assert_eq!(set_aside, ["Related", "Tokyo stocks rise"]);
//! ```

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::segment::SentenceSpan;

mod furniture;

pub use furniture::{
    NOTE_SENTENCES, author_note, block_goes_on, block_label, contents_entry, data_row, figure_row,
    furniture, link_title, links_line, opens_a_block, opens_links,
};

/// True when `text` ends a sentence: its last character, past closing
/// quotes and brackets and a footnote's number after them (`… (see Fig.
/// 3.2).1`, `….¹²`), is a full stop, question or exclamation mark (or a
/// Japanese one, or an ellipsis).
pub fn ends_a_sentence(text: &str) -> bool {
    let closers = [
        '"', '\'', '’', '”', ')', ']', '」', '』', '）', '】', '》', '〉',
    ];
    let terminal = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…' | '．');
    let text = text.trim_end();
    let before_number = text.trim_end_matches(crate::footnote_digit);
    let digits = text.len() - before_number.len();
    // Not a decimal's figures (`2.13`): the terminal follows no figure.
    let marked = before_number
        .trim_end_matches(closers)
        .strip_suffix(terminal)
        .is_some_and(|rest| !rest.ends_with(|c: char| c.is_ascii_digit()));
    let text = if (1..=6).contains(&digits) && marked {
        before_number
    } else {
        text
    };
    text.trim_end_matches(closers)
        .chars()
        .next_back()
        .is_some_and(terminal)
}

/// Which sentences of a document (`spans`, in order, from
/// [`crate::segment::split_sentences`]) are its page's furniture: a sentence
/// holding a [`boilerplate`] phrase or a line of [`furniture`], the rest of
/// its paragraph after one that [`opens_a_block`] (`Contact`), or the
/// paragraph after such a label standing alone (`About USTR`), the link
/// titles after one that [`opens_links`] (`Related`, `Read more: …`),
/// and a closing [`author_note`] after other paragraphs. Paragraphs end at a
/// blank line.
pub fn furniture_sentences(text: &str, spans: &[SentenceSpan]) -> Vec<bool> {
    let sentence = |s: &SentenceSpan| text.get(s.start..s.end).unwrap_or("");
    // Paragraph numbers, a blank line between two sentences opening a new
    // one (two line breaks, as the splitter counts them).
    let mut paragraphs = Vec::with_capacity(spans.len());
    let mut paragraph = 0usize;
    for (i, s) in spans.iter().enumerate() {
        if i > 0 {
            let gap = text.get(spans[i - 1].end..s.start).unwrap_or("");
            if crate::segment::count_line_breaks(gap) >= 2 {
                paragraph += 1;
            }
        }
        paragraphs.push(paragraph);
    }
    let lines: Vec<BlockLine> = spans
        .iter()
        .zip(&paragraphs)
        .map(|(s, &paragraph)| {
            let line = sentence(s);
            BlockLine {
                line,
                span: s.start..s.end,
                paragraph,
                // A block's label alone (`＜担当＞`) is furniture too.
                marked: boilerplate(line) || furniture(line) || block_label(line),
                heading: !ends_a_sentence(line),
            }
        })
        .collect();
    let mut aside = block_furniture(text, &lines);
    // A note on the author: the last paragraph with anything left in it,
    // when an earlier one has something too.
    let kept = |i: usize| !aside[i];
    if let Some(last) = (0..spans.len())
        .rev()
        .find(|&i| kept(i))
        .map(|i| paragraphs[i])
        && (0..spans.len()).any(|i| kept(i) && paragraphs[i] < last)
    {
        let members: Vec<usize> = (0..spans.len())
            .filter(|&i| paragraphs[i] == last && kept(i))
            .collect();
        let note: Vec<&str> = members.iter().map(|&i| sentence(&spans[i])).collect();
        if author_note(&note) {
            for i in members {
                aside[i] = true;
            }
        }
    }
    aside
}

/// A sentence of a document as [`block_furniture`] reads it.
#[derive(Debug, Clone)]
pub struct BlockLine<'a> {
    /// The sentence's text, as its labels are matched.
    pub line: &'a str,
    /// Where it stands in the document: a line break between one and the
    /// next sentence's `span` sets that one on a line of its own.
    pub span: Range<usize>,
    /// Its paragraph's number; a block ends with its paragraph.
    pub paragraph: usize,
    /// It is furniture of itself (a [`boilerplate`] phrase, a line of
    /// [`furniture`], a [`block_label`]): only such a line opens a block
    /// or a list of links.
    pub marked: bool,
    /// It stands as a heading (no final punctuation): a block's label that
    /// does may stand alone over the paragraph it labels.
    pub heading: bool,
}

/// Which of a document's sentences (`lines`, in order, in `text`) are
/// furniture: a `marked` one, the rest of its paragraph after a marked one
/// that [`opens_a_block`] or is a [`block_label`] (`Contact`), the paragraph
/// after such a label standing alone as a `heading` when it
/// [`block_goes_on`] there (`About USTR` over its note), and the
/// [`link_title`]s after a marked one that [`opens_links`] (`Related`,
/// `Read more: …`), not the story's lines after them.
///
/// [`furniture_sentences`] and the summarizer both read blocks with this,
/// each marking lines as it knows them: one reading, however either grows.
pub fn block_furniture(text: &str, lines: &[BlockLine]) -> Vec<bool> {
    let mut aside = Vec::with_capacity(lines.len());
    let mut block: Option<usize> = None;
    let mut block_is_note = false;
    let mut links: Option<usize> = None;
    // The paragraph of a block's label standing alone so far: the block is
    // then the paragraph after it (`About USTR` over its note).
    let mut label_alone: Option<(usize, &str)> = None;
    let mut previous_end: Option<usize> = None;
    for l in lines {
        let p = l.paragraph;
        // The first sentence, or one after a line break, opens a line.
        let own_line = previous_end.is_none_or(|end| {
            text.get(end..l.span.start)
                .is_none_or(|gap| gap.contains('\n'))
        });
        previous_end = Some(l.span.end);
        // Some(whether the block is a note on a subject, `About USTR`'s,
        // which is prose) when this paragraph is the block of a label
        // standing alone before it.
        let after_label = label_alone
            .take()
            .filter(|&(at, label)| p == at + 1 && block_goes_on(label, l.line))
            .map(|(_, label)| !block_label(label));
        if block == Some(p) {
            // A contact block's lines are names, numbers and addresses: a
            // line of prose ends it (`【お問い合わせ先】⏎日本の貿易黒字が
            // 拡大した。` had lost the rest of its paragraph, and with single
            // line breaks the rest of the text; a translator's review). A
            // note under a label alone (`About USTR`) is prose, and stays.
            if !block_is_note && prose_line(l.line) {
                block = None;
            } else {
                aside.push(true);
                continue;
            }
        }
        if let Some(note) = after_label {
            block = Some(p);
            block_is_note = note;
            // A bare label's block (contact lines) ends at a line of prose,
            // its first too.
            if note || !prose_line(l.line) {
                aside.push(true);
                continue;
            }
            block = None;
        }
        if links == Some(p) && link_title(l.line, own_line) {
            aside.push(true);
            continue;
        }
        // A label alone in brackets with spaces inside (`【 担当 】`) is a
        // block's label that `opens_a_block` does not read.
        block = (l.marked && (opens_a_block(l.line) || block_label(l.line))).then_some(p);
        // A bare label (`Contact`, `【お問い合わせ先】`) heads contact lines,
        // which prose ends; any other (`About IPEF`, `Contact: …`) a note.
        block_is_note = !block_label(l.line);
        label_alone = block.filter(|_| l.heading).map(|at| (at, l.line));
        links = (l.marked && opens_links(l.line)).then_some(p);
        aside.push(l.marked);
    }
    aside
}

/// True for a line of prose, no line of a contact block: a sentence that
/// ends in a full stop, of six words or more in English or twelve
/// characters or more with kana in Japanese, without an e-mail address or
/// a `label:` opening.
fn prose_line(line: &str) -> bool {
    let line = line.trim();
    let ends = line.ends_with(['。', '.', '！', '？', '!', '?']);
    if !ends || line.contains('@') || line.contains("://") {
        return false;
    }
    let labelled = line
        .split_once([':', '：'])
        .is_some_and(|(head, _)| head.chars().count() <= 12);
    if labelled {
        return false;
    }
    if line.chars().any(crate::japanese_script) {
        let kana = line
            .chars()
            .filter(|&c| ('\u{3041}'..='\u{30ff}').contains(&c))
            .count();
        line.chars().count() >= 12 && kana >= 3
    } else {
        line.split_whitespace()
            .filter(|w| w.chars().any(char::is_lowercase))
            .count()
            >= 6
    }
}

/// Phrases of a data file (`data/boilerplate-phrases.txt`, the summarizer's
/// `data/captions.txt`):
/// found anywhere, at a sentence's start (`^`), at its
/// end (`$`, final punctuation aside), or as a label in brackets opening it
/// (`[関連]`: `【関連】`, `［関連］`, `＜関連＞`…).
pub struct PhraseList {
    anywhere: Option<AhoCorasick>,
    openings: Vec<&'static str>,
    endings: Vec<&'static str>,
    /// Labels that count only in brackets opening a sentence: `関連` of
    /// `【関連】`, a word that opens story sentences when bare.
    labels: Vec<&'static str>,
    /// Compared without regard to ASCII case.
    any_case: bool,
}

impl PhraseList {
    /// The phrases of a data file: one a line, `#` starting a comment.
    pub fn parse(data: &'static str, any_case: bool) -> PhraseList {
        let lines: Vec<&str> = crate::data_lines(data).collect();
        let openings = lines.iter().filter_map(|l| l.strip_prefix('^')).collect();
        let endings = lines.iter().filter_map(|l| l.strip_suffix('$')).collect();
        let label = |l: &&'static str| l.strip_prefix('[').and_then(|l| l.strip_suffix(']'));
        let labels = lines.iter().filter_map(label).collect();
        // A few dozen short phrases always build; were it otherwise, no
        // sentence would be set aside for them.
        let anywhere = AhoCorasick::builder()
            .ascii_case_insensitive(any_case)
            .build(
                lines
                    .iter()
                    .filter(|l| !l.starts_with('^') && !l.ends_with('$') && label(l).is_none()),
            )
            .ok();
        PhraseList {
            anywhere,
            openings,
            endings,
            labels,
            any_case,
        }
    }

    /// True when `a` and `b` are the same phrase, as compared here.
    fn same(&self, a: &str, b: &str) -> bool {
        if self.any_case {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }

    /// The length of the `^` phrase `sentence` opens with, if any. A phrase
    /// ending in an ASCII letter or digit ends a word: `copyright` opens
    /// `Copyright 2024`, not `Copyrighted films`.
    ///
    /// A label in brackets opening the sentence counts as the bare label
    /// does (`【関連記事】…`, `［関連記事］…`, `＜おことわり＞…` as `^関連記事`,
    /// `^おことわり`), and so does a `[…]` label of the data file (`【関連】`);
    /// the length is then that of the label with its brackets.
    pub fn opening(&self, sentence: &str) -> Option<usize> {
        let start = sentence.trim_start();
        let lead = sentence.len() - start.len();
        if let Some(len) = self.opening_phrase(start) {
            return Some(lead + len);
        }
        let (inner, len) = bracketed_label(start)?;
        let inner = inner.trim().trim_end_matches([':', '：']).trim_end();
        (self.labels.iter().any(|l| self.same(inner, l)) || self.opening_phrase(inner).is_some())
            .then_some(lead + len)
    }

    /// The length of the `^` phrase `start` opens with, if any, a phrase
    /// ending in an ASCII letter or digit ending a word there.
    fn opening_phrase(&self, start: &str) -> Option<usize> {
        self.openings
            .iter()
            .find(|o| {
                start.get(..o.len()).is_some_and(|head| self.same(head, o))
                    && !(o.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && start.get(o.len()..).is_some_and(|rest| {
                            rest.starts_with(|c: char| c.is_ascii_alphanumeric())
                        }))
            })
            .map(|o| o.len())
    }

    /// True when `sentence` ends with a `$` phrase, before or after a final
    /// bracket (`２０２３年６月撮影（ロイター／Issei Kato）`), or holds one
    /// of those found anywhere.
    pub fn holds(&self, sentence: &str) -> bool {
        let bare = |s: &str| -> usize {
            s.trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '。' | '.' | '）' | ')' | '」')
            })
            .len()
        };
        let end = &sentence[..bare(sentence)];
        let unbracketed = without_final_bracket(sentence).map(|s| &s[..bare(s)]);
        let ends_with = |end: &str| {
            self.endings.iter().any(|e| {
                end.len() >= e.len()
                    && end
                        .get(end.len() - e.len()..)
                        .is_some_and(|tail| self.same(tail, e))
            })
        };
        ends_with(end)
            || unbracketed.is_some_and(ends_with)
            || self.anywhere.as_ref().is_some_and(|a| a.is_match(sentence))
    }

    /// True when `sentence` is a credit: it opens with a phrase found
    /// anywhere (`REUTERS/Issei Kato`), ends in a bracket that opens with
    /// one (`…首相官邸（撮影・山田太郎）`), or ends with a `$` phrase.
    pub fn credit(&self, sentence: &str) -> bool {
        let sentence = sentence.trim().trim_end_matches(['.', '。']);
        let ends = self.endings.iter().any(|e| {
            sentence.len() >= e.len()
                && sentence
                    .get(sentence.len() - e.len()..)
                    .is_some_and(|tail| self.same(tail, e))
        });
        let Some(anywhere) = &self.anywhere else {
            return ends;
        };
        ends || anywhere.find_iter(sentence).any(|m| {
            let rest = &sentence[m.start()..];
            m.start() == 0
                || [('(', ')'), ('（', '）')].iter().any(|&(open, close)| {
                    rest.strip_prefix(open)
                        .and_then(|r| r.strip_suffix(close))
                        .is_some_and(|inner| !inner.contains(close))
                })
        })
    }

    /// True when `sentence` holds a phrase where it is marked to stand.
    pub fn matches(&self, sentence: &str) -> bool {
        self.opening(sentence).is_some() || self.holds(sentence)
    }
}

/// The label in brackets that `start` opens with (`【関連記事】`,
/// `［写真］`, `＜関連＞`, `[Related]`): its text inside and the length
/// through the closing bracket; `None` when `start` opens with no bracket,
/// the bracket does not close, or it holds more than [`LABEL_CHARS`]
/// characters (a sentence in brackets, not a label).
fn bracketed_label(start: &str) -> Option<(&str, usize)> {
    const BRACKETS: [(char, char); 10] = [
        ('【', '】'),
        ('［', '］'),
        ('[', ']'),
        ('＜', '＞'),
        ('<', '>'),
        ('〈', '〉'),
        ('《', '》'),
        ('〔', '〕'),
        ('（', '）'),
        ('(', ')'),
    ];
    let first = start.chars().next()?;
    let &(open, close) = BRACKETS.iter().find(|&&(open, _)| open == first)?;
    let rest = &start[open.len_utf8()..];
    let at = rest.find(close)?;
    let inner = &rest[..at];
    (!inner.contains(open) && inner.chars().count() <= LABEL_CHARS)
        .then_some((inner, open.len_utf8() + at + close.len_utf8()))
}

/// The most characters a bracketed label holds (`【おことわり】`, `[Related
/// coverage]`).
const LABEL_CHARS: usize = 24;

/// `sentence` without the bracket that ends it (final punctuation aside),
/// `（…）` or `(…)`; `None` when none ends it.
fn without_final_bracket(sentence: &str) -> Option<&str> {
    let end = sentence
        .trim_end()
        .trim_end_matches(['。', '.', '．'])
        .trim_end();
    [('（', '）'), ('(', ')')]
        .iter()
        .find_map(|&(open, close)| {
            let inner = end.strip_suffix(close)?;
            inner.rfind(open).map(|at| &inner[..at])
        })
}

/// True when a sentence is a copyright notice or holds a phrase of
/// `data/boilerplate-phrases.txt`: a subscription prompt, a credit, an
/// editor's note, a newsletter's wrapper.
pub fn boilerplate(sentence: &str) -> bool {
    let sentence = without_markdown(sentence);
    copyright_notice(sentence) || phrase_boilerplate(sentence)
}

/// `sentence` without Markdown's marks around it (`**Share this post:**`,
/// `## Related`), which hid a label from the phrase lists.
pub(crate) fn without_markdown(sentence: &str) -> &str {
    sentence
        .trim()
        .trim_start_matches('#')
        .trim_matches(['*', '_'])
        .trim()
}

/// True for a copyright notice: `Copyright` before a year, `©` or `(c)`
/// (`Copyright 2024 Reuters.`, `Copyright © Kyodo News`), not a story's
/// `Copyright protection will be extended …`.
fn copyright_notice(sentence: &str) -> bool {
    let s = sentence.trim_start();
    let Some(rest) = s
        .get(..9)
        .filter(|head| head.eq_ignore_ascii_case("copyright"))
        .and_then(|_| s.get(9..))
    else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit() || c == '©')
        || rest.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("(c)"))
}

/// True when a sentence holds a phrase of `data/boilerplate-phrases.txt`.
fn phrase_boilerplate(sentence: &str) -> bool {
    static PHRASES: OnceLock<PhraseList> = OnceLock::new();
    PHRASES
        .get_or_init(|| PhraseList::parse(include_str!("../../data/boilerplate-phrases.txt"), true))
        .matches(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A release's contact block under its label, bracketed or not, is
    /// furniture (an analyst's review found it in summaries under labels
    /// other than `【お問い合わせ先】`).
    #[test]
    fn contact_blocks_under_their_labels_are_furniture() {
        for label in [
            "＜担当＞",
            "【問い合わせ先】",
            "【本件担当】",
            "（問合せ先）",
            "本件に関する問い合わせ先",
            "Contact:",
        ] {
            let text = format!(
                "経済産業省は意見募集を開始しました。\n\n{label}\n経済産業省 貿易経済安全保障局 安全保障貿易管理課\nメール：anpo-kanri@meti.go.jp\n"
            );
            let spans =
                crate::segment::split_sentences(&text, crate::segment::SegmentLang::Japanese);
            let aside = furniture_sentences(&text, &spans);
            assert_eq!(aside.first(), Some(&false), "{label}");
            assert!(aside.iter().skip(1).all(|&a| a), "{label}: {aside:?}");
        }
        assert!(!block_label("担当者が説明した"));
        for line in [
            "担当：北米局北米第二課",
            "Contact: Jane Doe, +1 202 395 3230",
        ] {
            assert!(furniture(line), "{line}");
        }
        // A sentence with a label's word and a colon is none.
        assert!(!furniture("Contact: the ministry said talks would resume."));
    }

    #[test]
    fn sentence_ends_past_closers_and_footnote_numbers() {
        for text in [
            "Tariffs rose.",
            "He said \"no.\"",
            "関税が上がった。」",
            "a far higher share (see Fig. 3.2).1",
            "than lower prices.12",
            "margins.²",
            "unless otherwise stated.\"2",
        ] {
            assert!(ends_a_sentence(text), "{text}");
        }
        for text in [
            "Growth was 2.13",
            "Version 1.0",
            "Key figures",
            "Section 301",
            "page 12",
        ] {
            assert!(!ends_a_sentence(text), "{text}");
        }
    }
    use crate::segment::{SegmentLang, split_sentences};

    /// The sentences of `text` that [`furniture_sentences`] sets aside.
    fn aside(text: &str, lang: SegmentLang) -> Vec<&str> {
        let spans = split_sentences(text, lang);
        furniture_sentences(text, &spans)
            .into_iter()
            .zip(&spans)
            .filter(|(a, _)| *a)
            .map(|(_, s)| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_pages_furniture_is_set_aside_and_its_story_kept() {
        let page = "Home | About | Contact\n\nTuesday, March 5, 2024\n\n\
                    Japan's trade surplus widened in May. Exports of cars led the gain.\n\n\
                    Share this\n\n\
                    Related\nTokyo stocks rise on chip demand\nYen weakens past 150\n\n\
                    Imports of fuel fell for a third month.\n\n\
                    © 2024 Example News. All rights reserved.\n\
                    Jeffrey J. Schott is a senior fellow at the Peterson Institute for International Economics.\n";
        assert_eq!(
            aside(page, SegmentLang::English),
            [
                "Home | About | Contact",
                "Tuesday, March 5, 2024",
                "Share this",
                "Related",
                "Tokyo stocks rise on chip demand",
                "Yen weakens past 150",
                "© 2024 Example News.",
                "All rights reserved.",
                "Jeffrey J. Schott is a senior fellow at the Peterson Institute for International Economics.",
            ]
        );
    }

    /// A line of links takes its titles, not the story's lines after it in
    /// the same paragraph, as scraped text has them (an analyst's review
    /// found `Read more: …` deleting the rest of its paragraph).
    #[test]
    fn a_line_of_links_takes_its_titles_not_the_story_after_it() {
        let page = "EU takes Japan to WTO over steel\n\n\
                    The EU asked the WTO on Tuesday to set up a panel.\n\
                    Read more: EU, U.S. agree to pause tariffs on steel\n\
                    Steel exports from the EU to Japan fell 18% last year.\n\
                    See also:\nJapan trims rice tariff\nYen weakens past 150\n\
                    Japan declined to comment on the dispute.\n";
        assert_eq!(
            aside(page, SegmentLang::English),
            [
                "Read more: EU, U.S. agree to pause tariffs on steel",
                "See also:",
                "Japan trims rice tariff",
                "Yen weakens past 150"
            ]
        );
        let page = "政府は鉄鋼関税をめぐりＥＵと協議すると発表した。\n\
                    あわせて読みたい\n\
                    日本の対ＥＵ鉄鋼輸出は昨年１８％減少した。\n\
                    【関連記事】日米、鉄鋼関税の停止で合意\n\
                    政府は日程を明らかにしていない。\n";
        assert_eq!(
            aside(page, SegmentLang::Japanese),
            ["あわせて読みたい", "【関連記事】日米、鉄鋼関税の停止で合意"]
        );
        // A contact block still takes the rest of its paragraph.
        let page = "Exports rose.\n\nContact:\nJane Doe, Trade Office.\nPhone 555 0100.\n";
        assert_eq!(
            aside(page, SegmentLang::English),
            ["Contact:", "Jane Doe, Trade Office.", "Phone 555 0100."]
        );
    }

    #[test]
    fn a_block_ends_with_its_paragraph_and_a_lone_note_is_a_story() {
        // The paragraph after the links is the story again.
        let page = "Related\nTokyo stocks rise\n\nExports rose in May.\n";
        assert_eq!(
            aside(page, SegmentLang::English),
            ["Related", "Tokyo stocks rise"]
        );
        // A document that is only a sentence like an author's note keeps it.
        let lone = "Jeffrey J. Schott is a senior fellow at the Peterson Institute.\n";
        assert!(aside(lone, SegmentLang::English).is_empty());
    }

    /// Cookie banners, newsletter boxes, tip lines, update notes and an
    /// outlet's notice about itself were taken into summaries (an analyst's
    /// review of saved pages).
    #[test]
    fn site_prompts_are_boilerplate() {
        for line in [
            "Please let us know if you agree to all of these cookies.",
            "We use cookies to give you the best online experience.",
            "By subscribing, I agree to Substack's Terms of Use.",
            "This sign-up form is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
            "Thanks for reading Trade Talk Weekly!",
            "Contact us: Provide news feedback or report an error",
            "(Updates with industry comment in seventh paragraph.)",
            "Reuters, the news and media division of Thomson Reuters, is the world's largest multimedia news provider.",
            "The BBC is not responsible for the content of external sites.",
            "この記事は有料記事です。",
            "許可なく転載することを禁じます。",
            "Copyright 2024 Reuters.",
            "Copyright © Kyodo News",
            "You are receiving this email because you subscribed to Trade Policy Daily.",
            "(Reporting by Leika Kihara; Editing by Sam Holmes)",
            "詳しくは特設サイトをご覧ください。",
            "電話：03-3501-1511（内線 3101）",
            "PDF形式のファイルをご覧いただくためには、Adobe Readerが必要です。",
            "To view PDF files, you need Adobe Acrobat Reader.",
            // A wire's reuse notice, contacts and an assistance credit, a
            // citation's access note (an analyst's review).
            "This material may not be published, broadcast, rewritten or redistributed.",
            "To contact the reporter on this story: Maria Garcia in Tokyo at mgarcia@bloomberg.net",
            "To contact the editors responsible for this story: Brendan Scott at bscott@bloomberg.net",
            "—With assistance from Akiko Sato.",
            "Viewed at: https://ustr.gov/about-us/policy-offices/press-office [accessed 3 March 2023].",
            "Japan Customs, Trade Statistics (accessed 5 May 2024).",
        ] {
            assert!(boilerplate(line), "{line}");
        }
        for line in [
            "Meta changed its privacy policy after the ruling.",
            "Exports of cookies to Japan rose 5%.",
            "Reuters reported the deal on Monday.",
            "The ministry updates its tariff schedule every April.",
            "転載された記事について政府は説明した。",
            "Copyright protection will be extended to 70 years after the death of the author.",
            "Websites that use cookies must obtain consent before collecting personal data.",
            "Gene editing by foreign firms will need a licence.",
            "Advertisement spending by Chinese e-commerce platforms in Japan doubled last year.",
            "企業からのお問い合わせは前年の２倍に増えた。",
            "首相は「ぜひ現地の状況をご覧ください」と呼びかけた。",
            "ログイン情報の管理も義務づけられる。",
            "関連情報の開示も求められる。",
            "会員登録制度が見直された。",
            "The ministry said the data may not be published before June.",
            "Officials with assistance from the WTO drafted the text.",
            "Hackers accessed the ministry's servers in March.",
        ] {
            assert!(!boilerplate(line), "{line}");
        }
    }

    /// A release's note on its sender under `About USTR` standing alone
    /// was taken into summaries (an analyst's review); a section heading
    /// over text that is no note on it keeps its text.
    #[test]
    fn a_label_alone_takes_the_note_under_it() {
        let release = "Japan and the United States signed the agreement.\n\nAbout USTR\n\n\
                       The Office of the United States Trade Representative (USTR) is responsible \
                       for developing and coordinating U.S. international trade policy.\n\n###\n";
        assert_eq!(
            aside(release, SegmentLang::English),
            [
                "About USTR",
                "The Office of the United States Trade Representative (USTR) is responsible \
                 for developing and coordinating U.S. international trade policy.",
                "###"
            ]
        );
        let report = "Japan signed the agreement.\n\nAbout the Agreement\n\n\
                      The agreement cuts tariffs on beef.\n";
        assert_eq!(aside(report, SegmentLang::English), ["About the Agreement"]);
        let contact = "Exports rose.\n\nContact\n\nJane Doe, Trade Office.\n\nImports fell.\n";
        assert_eq!(
            aside(contact, SegmentLang::English),
            ["Contact", "Jane Doe, Trade Office."]
        );
    }

    /// The summarizer and term extraction read blocks with one helper; a
    /// caller says which lines are marked and which are headings: a marked
    /// heading that opens a block (`About USTR`) takes the paragraph after
    /// it, the same label ending a sentence does not; a label in brackets
    /// with spaces inside (`【 担当 】`) opens its block as `【担当】` does.
    #[test]
    fn blocks_are_read_from_the_callers_marks() {
        let text = "Exports rose.\n\nAbout USTR\n\nThe Office of the United States Trade \
                    Representative (USTR) is responsible for trade policy.\n";
        let spans = split_sentences(text, SegmentLang::English);
        let lines = |heading: bool| -> Vec<BlockLine> {
            spans
                .iter()
                .enumerate()
                .map(|(i, s)| BlockLine {
                    line: &text[s.start..s.end],
                    span: s.start..s.end,
                    paragraph: i,
                    marked: i == 1,
                    heading,
                })
                .collect()
        };
        assert_eq!(block_furniture(text, &lines(true)), [false, true, true]);
        assert_eq!(block_furniture(text, &lines(false)), [false, true, false]);
        let release = "経済産業省は意見募集を開始しました。\n\n【 担当 】\n安全保障貿易管理課\n";
        assert_eq!(
            aside(release, SegmentLang::Japanese),
            ["【 担当 】", "安全保障貿易管理課"]
        );
    }

    /// A contact block ends at a line of prose: a release's
    /// `【お問い合わせ先】` over the next story had taken the rest of the
    /// text from term extraction and summaries (a translator's review).
    #[test]
    fn a_contact_block_ends_at_a_line_of_prose() {
        let text = "政府は対策をまとめた。\n【お問い合わせ先】\n日本の貿易黒字が拡大した。輸出は増えた。\n";
        assert_eq!(aside(text, SegmentLang::Japanese), ["【お問い合わせ先】"]);
        let contact = "政府は対策をまとめた。\n\n【お問い合わせ先】\n通商政策局 担当：山田\n\
                       電話：03-3501-1511\n";
        assert_eq!(
            aside(contact, SegmentLang::Japanese),
            ["【お問い合わせ先】\n通商政策局 担当：山田\n電話：03-3501-1511"]
        );
    }

    #[test]
    fn japanese_furniture() {
        let page = "政府は貿易黒字の縮小を目指す。\n\n【関連記事】日米協議が再開\n\n無断転載を禁じます。\n";
        assert_eq!(
            aside(page, SegmentLang::Japanese),
            ["【関連記事】日米協議が再開", "無断転載を禁じます。"]
        );
    }
}
