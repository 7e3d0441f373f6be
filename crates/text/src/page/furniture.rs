//! Lines of a page's furniture that hold no phrase of `data/boilerplate-phrases.txt`
//! but are no sentences either: a bare date, a press release's slug and end
//! mark (`FOR IMMEDIATE RELEASE`, `###`, `-30-`), a page's link labels
//! (`Share`, `Related`, `About IPEF`), a figure's or table's label (`Table
//! 1.`), a data row (`Exports +13.5`, `Index, 2015=100`), a download link
//! (`… (PDF)`), and an author's note closing a commentary (`Jeffrey J. Schott
//! is a senior fellow at …`). The words are in `data/furniture.txt`.

use std::sync::OnceLock;

use super::ends_a_sentence;

/// The phrases of `data/furniture.txt`, by kind, in lowercase.
#[derive(Default)]
struct Words {
    /// Whole headings (`share`).
    headings: Vec<&'static str>,
    /// Openings of short headings (`about`, from `about *`).
    heading_openings: Vec<&'static str>,
    labels: Vec<&'static str>,
    bios: Vec<&'static str>,
    blocks: Vec<&'static str>,
    /// Words of a count of reactions (`comments` of `4 Comments`).
    counts: Vec<&'static str>,
    /// Short words that join a headline in capitals, never a menu.
    linking: Vec<&'static str>,
    /// Labels of links to other stories (`read more`).
    links: Vec<&'static str>,
    /// Openings of an invitation to follow (`follow`).
    follow: Vec<&'static str>,
    /// Social networks (`twitter`).
    social: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words::default();
        for (kind, phrase) in crate::kinded_lines(include_str!("../../data/furniture.txt")) {
            match kind {
                "heading" => match phrase.strip_suffix(" *") {
                    Some(opening) => w.heading_openings.push(opening),
                    None => w.headings.push(phrase),
                },
                "label" => w.labels.push(phrase),
                "bio" => w.bios.push(phrase),
                "block" => w.blocks.push(phrase),
                "count" => w.counts.push(phrase),
                "linking" => w.linking.push(phrase),
                "links" => w.links.push(phrase),
                "follow" => w.follow.push(phrase),
                "social" => w.social.push(phrase),
                _ => {}
            }
        }
        w
    })
}

/// Most words of a heading that opens with a phrase of the `heading … *`
/// kind (`About IPEF`, `About the World Trade Organization`).
const OPENING_HEADING_WORDS: usize = 5;

/// True when a sentence (its text, white space around it aside) is a line
/// of page furniture: see the module's documentation. The author's note is
/// found by [`author_note`], as it depends on where it stands.
pub fn furniture(sentence: &str) -> bool {
    let raw = sentence.trim();
    if raw.is_empty() {
        return false;
    }
    // An end mark or a page number: no letter at all (`###`, `-30-`, `* * *`).
    if !raw.chars().any(char::is_alphabetic) {
        return true;
    }
    let s = super::without_markdown(raw);
    let w = words();
    let heading = !ends_a_sentence(s);
    if heading {
        let bare = s.trim_end_matches([':', '：', ' ']);
        if label_line(bare, w) {
            return true;
        }
        if bare.split_whitespace().count() <= OPENING_HEADING_WORDS
            && w.heading_openings.iter().any(|o| opens_with_word(bare, o))
        {
            return true;
        }
        if data_row(bare) || kicker(bare) {
            return true;
        }
    }
    figure_label(s, &w.labels)
        || download_link(s)
        || date_line(s)
        || labelled_contact(s)
        || follow_prompt(s, w)
}

/// Most words of an invitation to follow an outlet.
const FOLLOW_WORDS: usize = 12;

/// True for an invitation to follow an outlet or agency: at most
/// [`FOLLOW_WORDS`] words, opening with a `follow` phrase of
/// `data/furniture.txt`, holding `on` before a `social` network or a handle
/// (`Follow USTR on Twitter @USTradeRep.`, `Follow us on X`).
fn follow_prompt(s: &str, w: &Words) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|t| t.trim_end_matches(['.', ',', '!', ':']))
        .collect();
    let opens = w.follow.iter().any(|f| opens_with_word(s, f));
    let handle = words.iter().any(|t| {
        t.strip_prefix('@')
            .is_some_and(|h| h.len() >= 2 && h.chars().all(|c| c.is_alphanumeric() || c == '_'))
    });
    let network = words.windows(2).any(|pair| {
        pair[0].eq_ignore_ascii_case("on")
            && w.social.iter().any(|n| pair[1].eq_ignore_ascii_case(n))
    });
    opens && words.len() <= FOLLOW_WORDS && (handle || network)
}

/// Fewest marks of a contents line's leader: dots (`.`, spaced or not, `·`)
/// or a Japanese leader's `…`, `‥` or `・`.
const LEADER_MARKS: usize = 4;

/// True for a line of a table of contents: a title, a leader of
/// four marks or more (`LEADER_MARKS`), then a page number ending the line
/// (`1 Export controls on semiconductors ............ 3`, `第１章　輸出管理
/// …………３`, `Annex . . . . . iv`). Every summarizing method had taken
/// the English ones, which end in a full stop to the splitter. No part of
/// [`furniture`]: a contents entry's title is a section's name, words term
/// extraction counts (ACTER's wind turbine manual lists `Lightning
/// Protection` so).
pub fn contents_entry(line: &str) -> bool {
    let leader_mark = |c: char| matches!(c, '.' | '…' | '‥' | '・' | '·');
    let line = line.trim_end();
    let before =
        line.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || ('０'..='９').contains(&c));
    let number = &line[before.len()..];
    let page = (1..=4).contains(&number.chars().count())
        && (number
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || crate::numerals::roman_value(number.to_ascii_uppercase().as_bytes()).is_some());
    let title = before.trim_end_matches(|c: char| c.is_whitespace() || leader_mark(c));
    let leader = before[title.len()..]
        .chars()
        .filter(|&c| leader_mark(c))
        .count();
    page && leader >= LEADER_MARKS && title.chars().any(char::is_alphabetic)
}

/// True for a line of a contact block under its own label, no sentence:
/// a `block` label of `data/furniture.txt` and a colon opening it, without
/// final punctuation (`担当：北米局北米第二課`, `Contact: Jane Doe,
/// +1 202 395 3230`; a translator's review found 担当 among a release's
/// terms).
fn labelled_contact(s: &str) -> bool {
    let Some((label, _)) = s.split_once([':', '：']) else {
        return false;
    };
    !ends_a_sentence(s) && block_label(label)
}

/// True when a line of furniture (a heading or a sentence of boilerplate)
/// takes the rest of its paragraph with it: it opens with a `block` label of
/// `data/furniture.txt` (`Contact`, `Related`, `About IPEF`, `Correction:
/// …`).
pub fn opens_a_block(sentence: &str) -> bool {
    // In brackets or not: `【問い合わせ先】`, `（問合せ先）`, `＜担当＞`.
    let s = sentence.trim().trim_start_matches(LABEL_OPENERS);
    words().blocks.iter().any(|b| {
        s.get(..b.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(b))
            && s.get(b.len()..)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// The rest of a sentence after the `links` label of `data/furniture.txt`
/// it opens with (in brackets or not, then a colon, a bracket, white space
/// or its end): `Read more: EU, U.S. agree …`, `【関連記事】…`, `Related`;
/// `None` when it opens with none.
fn after_links_label(sentence: &str) -> Option<&str> {
    let s = sentence.trim().trim_start_matches(LABEL_OPENERS);
    let rest = words().links.iter().find_map(|l| {
        s.get(..l.len())
            .filter(|head| head.eq_ignore_ascii_case(l))
            .and_then(|_| s.get(l.len()..))
            .filter(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })?;
    Some(rest.trim_start_matches(|c: char| c.is_whitespace() || LABEL_CLOSERS.contains(&c)))
}

/// True when a line of furniture opens a list of links to other stories
/// with a `links` label of `data/furniture.txt` (`Read more: …`, `Related`,
/// `あわせて読みたい`): it takes the [`link_title`]s after it, which scraped
/// text runs into the story's own lines within one paragraph, not the rest
/// of the paragraph as [`opens_a_block`] does.
pub fn opens_links(sentence: &str) -> bool {
    after_links_label(sentence).is_some()
}

/// True when `line` is a `links` label alone or marked off from a title
/// after it (`あわせて読みたい`, `Read more: EU, U.S. agree …`,
/// `【関連記事】…`): a line that never runs on into the next, whatever its
/// width (`Related party transactions …` runs on).
pub fn links_line(line: &str) -> bool {
    let line = line.trim();
    after_links_label(line).is_some_and(|rest| {
        let marked = line.len() - rest.len();
        rest.is_empty()
            || line[..marked]
                .trim_end()
                .ends_with(|c: char| LABEL_CLOSERS.contains(&c))
    })
}

/// True when a sentence after a line that [`opens_links`] (and after the
/// link titles between them) is one more link title: it opens a line
/// (`own_line`) and has no final punctuation. The first sentence that is
/// none ends the list: the story goes on there.
pub fn link_title(sentence: &str, own_line: bool) -> bool {
    own_line && !ends_a_sentence(sentence)
}

/// Brackets and marks that may close a label (`【問い合わせ先】`, `Contact:`).
const LABEL_CLOSERS: [char; 11] = ['】', '］', '＞', '〉', '）', ')', ']', '>', '〕', ':', '：'];

/// True when `line` is a `block` label of `data/furniture.txt` alone, in
/// brackets, after a mark or before a colon or not (`＜担当＞`,
/// `【問い合わせ先】`, `Contact:`): a heading that takes the rest of its
/// paragraph with it as [`opens_a_block`] says.
pub fn block_label(line: &str) -> bool {
    let bare = line
        .trim()
        .trim_start_matches(LABEL_OPENERS)
        .trim_end_matches(LABEL_CLOSERS)
        .trim();
    words().blocks.iter().any(|b| bare.eq_ignore_ascii_case(b))
}

/// True when the paragraph whose first sentence is `first` belongs to the
/// block of a `label` standing alone as the paragraph before it: a bare
/// label (`Contact`, `＜担当＞`) takes it; a label naming its subject
/// (`About USTR`) takes a note on it: a first sentence that names it and
/// says what it is (`The Office of the United States Trade Representative
/// (USTR) is responsible for …`).
pub fn block_goes_on(label: &str, first: &str) -> bool {
    if block_label(label) {
        return true;
    }
    let s = label.trim().trim_start_matches(LABEL_OPENERS);
    let Some(name) = words().blocks.iter().find_map(|b| {
        s.get(..b.len())
            .filter(|head| head.eq_ignore_ascii_case(b))
            .and_then(|_| s.get(b.len()..))
    }) else {
        return false;
    };
    let first_words: Vec<&str> = first
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let named = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .all(|w| first_words.contains(&w));
    let names_something = name.chars().any(char::is_uppercase);
    named && names_something && first_words.iter().any(|w| matches!(*w, "is" | "are"))
}

/// Brackets and marks that may open a label (`【問い合わせ先】`, `■概要`).
const LABEL_OPENERS: [char; 12] = [
    '【', '［', '＜', '〈', '（', '(', '[', '<', '〔', '■', '◆', '●',
];

/// True when a line without final punctuation is a site's labels: a
/// heading of `data/furniture.txt` (`Share`, `Facebook`, `Leave a Reply`) or
/// a count of reactions (`4 Comments`), alone or several parted by `|`,
/// `｜`, `·` or `•` (`Home | About | Contact`, or with one other short piece,
/// the site's name: `Home | Trade Notes | Contact`); a form's field may be
/// marked required (`Email *`).
fn label_line(line: &str, w: &Words) -> bool {
    let label = |piece: &str| label(piece, w);
    if label(line) {
        return true;
    }
    if menu_in_capitals(line, w) || breadcrumb(line, w) {
        return true;
    }
    // Labels parted by spaces alone (`Facebook Twitter LinkedIn Email`,
    // `World Business Markets Tech Politics`): three or more, every word one.
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() >= 3 && words.iter().all(|word| label(word)) {
        return true;
    }
    let pieces: Vec<&str> = line
        .split(['|', '｜', '·', '•', '∙'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A byline or a stamp with the page's labels after it (`Posted by Sarah
    // Miller on March 12, 2019 | 4 Comments`).
    if let [first, rest @ ..] = pieces.as_slice()
        && !rest.is_empty()
        && crate::credits::credit_line(first)
        && rest.iter().all(|p| label(p) || date_line(p))
    {
        return true;
    }
    // An outlet's stamp: its name, a date and a time, and perhaps the
    // section (`KYODO NEWS - Apr 17, 2025 - 09:35 | Business, All`).
    let stamp_pieces: Vec<&str> = line
        .split(['|', '｜'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (mut dated, mut credited, mut other) = (0, 0, 0);
    for piece in &stamp_pieces {
        let date = date_line(piece);
        let credit = crate::credits::credit_line(piece);
        dated += usize::from(date);
        credited += usize::from(credit);
        other += usize::from(!(date || credit || label(piece)));
    }
    if stamp_pieces.len() >= 2 && dated >= 1 && credited >= 1 && other <= 1 {
        return true;
    }
    // A menu may name the site among its labels (`Home | Trade Notes |
    // Contact`): all pieces short, all but one of them labels.
    let labels = pieces.iter().filter(|p| label(p)).count();
    pieces.len() >= 2
        && labels >= 2
        && labels + 1 >= pieces.len()
        && pieces
            .iter()
            .all(|p| p.split_whitespace().count() <= MENU_PIECE_WORDS)
}

/// Fewest words of a site's menu in capitals without separators.
const MENU_WORDS: usize = 7;

/// True when a line is a site's menu in capitals (`MARKETS BUSINESS
/// INVESTING TECH POLITICS CNBC TV WATCHLIST PRO`): [`MENU_WORDS`] words or
/// more, no lowercase letter, no figure and none of the `linking` words of
/// `data/furniture.txt` that a headline in capitals holds.
fn menu_in_capitals(line: &str, w: &Words) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= MENU_WORDS
        && !line.chars().any(|c| c.is_lowercase() || c.is_numeric())
        && line.chars().any(char::is_uppercase)
        && !words
            .iter()
            .any(|word| w.linking.iter().any(|l| word.eq_ignore_ascii_case(l)))
}

/// True when a line is a breadcrumb: labels parted by `>`, `＞`, `›` or
/// `»`, the first a heading of `data/furniture.txt` (`Home > Business >
/// Trade`, `ホーム ＞ 経済 ＞ 政策`), each of at most [`MENU_PIECE_WORDS`]
/// words.
fn breadcrumb(line: &str, w: &Words) -> bool {
    // A trail may end in its mark (`時事ドットコムニュース＞経済＞`), and a
    // site's own name may open it where `Home` would.
    let pieces: Vec<&str> = line
        .split(['>', '＞', '›', '»', '/', '／'])
        .map(str::trim)
        .collect();
    let pieces = match pieces.split_last() {
        Some((&"", rest)) => rest,
        _ => &pieces[..],
    };
    let labels = pieces.iter().filter(|p| label(p, w)).count();
    pieces.len() >= 2
        && (pieces.first().is_some_and(|first| label(first, w))
            || (labels >= 1 && labels + 1 >= pieces.len()))
        && pieces
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= MENU_PIECE_WORDS)
}

/// True when a piece of a line is a heading of `data/furniture.txt` or a
/// count of reactions; a form marks a required field with an asterisk
/// (`Email *`).
fn label(piece: &str, w: &Words) -> bool {
    let piece = piece.trim().trim_end_matches([':', '：', '*']).trim_end();
    w.headings.iter().any(|h| piece.eq_ignore_ascii_case(h)) || reaction_count(piece, w)
}

/// Most words of a piece of a menu line (`Terms and Conditions`).
const MENU_PIECE_WORDS: usize = 4;

/// True when `piece` is a number and a word of a count of reactions
/// (`4 Comments`, `1 reply`).
fn reaction_count(piece: &str, w: &Words) -> bool {
    let mut parts = piece.split_whitespace();
    let (Some(number), Some(word), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    number.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && number.bytes().any(|b| b.is_ascii_digit())
        && w.counts.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// True when `line` opens with `phrase` (ASCII case aside) followed by a
/// space.
fn opens_with_word(line: &str, phrase: &str) -> bool {
    line.get(..phrase.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(phrase))
        && line
            .get(phrase.len()..)
            .is_some_and(|rest| rest.starts_with(' '))
}

/// Most words of a site's section label (`WTO NEWS: DISPUTE SETTLEMENT`).
const KICKER_WORDS: usize = 6;

/// True when a line without final punctuation is a site's section label: in
/// capitals, with a colon, of at most [`KICKER_WORDS`] words (`WTO NEWS:
/// DISPUTE SETTLEMENT`); a headline has lowercase words.
fn kicker(line: &str) -> bool {
    line.contains(':')
        && line.chars().any(char::is_uppercase)
        && !line.chars().any(char::is_lowercase)
        && line.split_whitespace().count() <= KICKER_WORDS
}

/// True when a line without final punctuation is a row of figures: it ends
/// in a signed figure (`Exports +13.5`, `North America -6.9`) or sets a base
/// (`Index, 2015=100`).
pub fn data_row(line: &str) -> bool {
    let signed = line.split_whitespace().last().is_some_and(|last| {
        let mut chars = last.chars();
        matches!(chars.next(), Some('+' | '-' | '−' | '±'))
            && chars.next().is_some_and(|c| c.is_ascii_digit())
            && last
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
    });
    let base = line.split_whitespace().any(|word| {
        word.split_once('=').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        })
    });
    signed || base
}

/// Most words of a row of a table of figures without signs.
const FIGURE_ROW_WORDS: usize = 6;

/// True for a short line ending in a figure written as a table writes one
/// (`Exports 13.5%`, `Imports 2,140`, `Trade balance 559.4 bln yen`): a
/// decimal point, a per cent sign or a thousands comma, perhaps with a unit
/// after it; `Section 301` is no row.
pub fn figure_row(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 || words.len() > FIGURE_ROW_WORDS || ends_a_sentence(line) {
        return false;
    }
    words.iter().rev().take(3).any(|w| {
        let w = w
            .trim_start_matches(['+', '-', '−', '('])
            .trim_end_matches(')');
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().any(|c| matches!(c, '.' | '%' | ','))
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | ','))
    })
}

/// True when a sentence is a figure's or table's label: a label word and a
/// number (`Table 1`, `Figure 2.1`, `Chart A1`), alone or before a colon, a
/// full stop or a dash (`Figure 1: Subsidy notifications …`, `Table 1.`).
fn figure_label(sentence: &str, labels: &[&str]) -> bool {
    labels.iter().any(|label| {
        let Some(rest) = sentence
            .get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .and_then(|_| sentence.get(label.len()..))
        else {
            return false;
        };
        let rest = rest.trim_start_matches([' ', '\u{3000}']);
        let number_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || ('０'..='９').contains(&c)))
            .unwrap_or(rest.len());
        let number = rest[..number_len].trim_end_matches('.');
        let numbered = number
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            && number.chars().filter(char::is_ascii_alphabetic).count() <= 1;
        let after = rest[number_len..].trim_start();
        let closed = rest[..number_len].ends_with('.')
            || after.is_empty()
            || after.starts_with([':', '：', '–', '—', '-', '|']);
        numbered && closed
    })
}

/// True when a sentence is a download link's label: it ends in a bracket
/// opening with a file type ([`crate::credits::file_type`]): `MC13
/// Ministerial Declaration (PDF)`, `… [PDF, 1.2 MB]`.
fn download_link(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(['.', ' ']);
    [('(', ')'), ('[', ']'), ('（', '）')]
        .iter()
        .any(|&(open, close)| {
            s.strip_suffix(close)
                .and_then(|inner| inner.rfind(open).map(|at| &inner[at + open.len_utf8()..]))
                .and_then(|inner| inner.split([',', ' ', ';']).next())
                .is_some_and(crate::credits::file_type)
        })
}

/// Most words of a bare date line (`Tuesday, March 5, 2024`).
const DATE_WORDS: usize = 12;

/// True when a sentence is a bare date: month and weekday names
/// ([`crate::credits::calendar_word`]), times of day and their zones
/// ([`crate::credits::clock_word`]: `Thu 3 Apr 2025 09.45 BST`, `9.45am
/// BST`), day
/// numbers and years alone (`16 October 2023`, `May 14, 2024`), a date in
/// figures (`2024-05-14`), or a Japanese one (`2024年5月14日`).
fn date_line(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(['.', '。', ' ']);
    let tokens: Vec<&str> = s.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > DATE_WORDS {
        return false;
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut named = false;
    let all = tokens.iter().all(|t| {
        let t = t.trim_matches([',', '.']);
        // `March 18, 2021 at 3:17 PM`, `… GMT Updated 2 hours ago`.
        if t == "at" || crate::credits::stamp_or_time_word(t) {
            return true;
        }
        if crate::credits::calendar_word(t) || crate::credits::clock_word(t) {
            named = true;
            return true;
        }
        let day = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| t.strip_suffix(suffix))
            .unwrap_or(t);
        if digits(day) && day.len() <= 2 {
            return true;
        }
        if digits(t) && t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) {
            return true;
        }
        let fields: Vec<&str> = t.split(['-', '/']).collect();
        if fields.len() == 3 && fields.iter().all(|f| digits(f)) {
            named = true;
            return true;
        }
        false
    });
    (all && named) || japanese_date(s)
}

/// True for a Japanese date alone: figures (ASCII, full-width or kanji)
/// before 年, 月 and 日 (`2024年5月14日`, `２０２４年５月`), perhaps a weekday
/// in brackets.
fn japanese_date(s: &str) -> bool {
    let s = s.trim();
    let s = match s.rfind(['（', '(']) {
        Some(at) if s.ends_with(['）', ')']) && s[at..].chars().count() <= 4 => &s[..at],
        _ => s,
    };
    let figure = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇一二三四五六七八九十".contains(c)
    };
    let mut units = 0;
    let mut after_figure = false;
    for c in s.chars() {
        if figure(c) {
            after_figure = true;
        } else if matches!(c, '年' | '月' | '日') && after_figure {
            units += 1;
            after_figure = false;
        } else {
            return false;
        }
    }
    units >= 2 && !after_figure
}

/// Most sentences of an author's note (`X is a senior fellow at …. He was
/// …`).
pub const NOTE_SENTENCES: usize = 3;

/// Most words of the names that open an author's note.
const NOTE_NAME_WORDS: usize = 6;

/// True when the sentences of a document's last paragraph (`paragraph`,
/// the first of them first) are a note on its author: the first opens with
/// names, then `is` (and `a`, `an` or `the`), a role of `data/furniture.txt` and later
/// `at` or `of` (`Jeffrey J. Schott is a senior fellow at the Peterson
/// Institute for International Economics.`), and there are at most
/// [`NOTE_SENTENCES`].
pub fn author_note(paragraph: &[&str]) -> bool {
    let Some(first) = paragraph.first() else {
        return false;
    };
    if paragraph.len() > NOTE_SENTENCES {
        return false;
    }
    let first = first.trim().trim_matches(['*', '_']);
    let Some((names, role)) = first.split_once(" is ") else {
        return false;
    };
    let names: Vec<&str> = names.split_whitespace().collect();
    let named = (2..=NOTE_NAME_WORDS).contains(&names.len())
        && names.iter().all(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                || matches!(*n, "de" | "da" | "van" | "von" | "bin" | "al")
        })
        && !matches!(names.first().copied(), Some("The" | "This" | "That" | "It"));
    let role = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| role.strip_prefix(article))
        .unwrap_or(role);
    let role_words: Vec<String> = role
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let bios = &words().bios;
    let post = role_words
        .iter()
        .position(|w| bios.contains(&w.as_str()) || bios.contains(&w.trim_end_matches('s')));
    named && post.is_some_and(|at| role_words[at + 1..].iter().any(|w| w == "at" || w == "of"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of a table of contents are told (the summarizer never takes
    /// them), but are no furniture: term extraction counts their titles.
    #[test]
    fn contents_entries_are_told_but_no_furniture() {
        for line in [
            "1 Export controls on semiconductors ............ 3",
            "Annex . . . . . . iv",
            "第１章　輸出管理の強化…………３",
        ] {
            assert!(contents_entry(line), "{line}");
            assert!(!furniture(line), "{line}");
        }
        assert!(!contents_entry("Exports rose 3% in 2023 ... to 7"));
    }

    #[test]
    fn furniture_lines_and_sentences_like_them() {
        for line in [
            "16 October 2023",
            "May 14, 2024",
            "Tuesday, March 5, 2024",
            "2024-05-14",
            "2024年5月14日",
            "２０２４年５月１４日（火）",
            "###",
            "-30-",
            "* * *",
            "Share",
            "Related",
            "Press Release",
            "FOR IMMEDIATE RELEASE",
            "Contact",
            "Media contact:",
            "About IPEF",
            "Table 1.",
            "Table 1",
            "Figure 1: Subsidy notifications to the WTO, 2015-2023",
            "Chart 1: World merchandise trade volume, 2015Q1–2025Q4",
            "Figure 2.1 — Exports by region",
            "Exports +13.5",
            "North America -6.9",
            "Index, 2015=100",
            "WTO NEWS: DISPUTE SETTLEMENT",
            "MC13 Ministerial Declaration (PDF)",
            "Fact sheet: 2024 Special 301 Report (PDF)",
            "Full text [PDF, 1.2 MB]",
            "Home | About | Contact | Blog",
            "Privacy Policy | Terms of Use | Cookie Policy",
            "Facebook",
            "Leave a Reply",
            "Reply",
            "4 Comments",
            "Share · 12 comments",
            "Email *",
            "Email address *",
            "ホーム｜ニュース｜お問い合わせ",
            "Home | About | Trade Notes | Contact",
            "Home > Business > Trade",
            "ホーム ＞ 経済 ＞ 政策",
            "時事ドットコムニュース＞経済＞",
            "ホーム / 経済 / 政策",
            "Privacy ∙ Terms ∙ Collection notice",
            "MARKETS BUSINESS INVESTING TECH POLITICS CNBC TV WATCHLIST PRO",
            "Manage Cookies",
            "経済",
            "Posted by Sarah Miller on March 12, 2019 | 4 Comments",
            "KYODO NEWS - Apr 17, 2025 - 09:35 | Business, All",
            "Thu 3 Apr 2025 09.45 BST",
            "9.45am BST",
            "March 18, 2021 at 3:17 PM GMT+9",
            "December 2, 2024 4:31 PM GMT Updated 2 hours ago",
            "Facebook Twitter Linkedin Email",
            "World Business Markets Tech Politics",
            "**Share this**",
            "シェア",
            "Follow USTR on Twitter @USTradeRep.",
            "Follow us on X",
            "Connect with METI on LinkedIn.",
        ] {
            assert!(furniture(line), "{line}");
        }
        for line in [
            "Contacts between the two sides resumed.",
            "Share prices fell.",
            "Sources said the talks stalled.",
            "Figure 1 shows subsidy notifications by WTO members since 2015.",
            "Table salt exports rose.",
            "About 40% of exports went to China.",
            "May exports rose 13.5% from a year earlier.",
            "Exports rose 13.5% in May.",
            "Japan's exports rise for sixth month on chip demand",
            "Related party transactions are under review.",
            "The report (PDF) is online.",
            "March 2024 was the month of the deal.",
            "5月14日に合意した。",
            "Japan, U.S. agree on tariffs",
            "EXCLUSIVE: Japan offers investment package to avert tariffs",
            "KEY FIGURES (y/y % change)",
            "Japan | Trade surplus widens",
            "Home | Trade Notes",
            "Markets rally on trade deal",
            "Updated tariff schedule",
            "9am BST: Eurozone services PMI for March",
            "Reuters - Japan raises tariffs on US beef",
            "JAPAN RAISES TARIFFS ON US BEEF FOR THIRTY DAYS",
            "CHINA CURBS RARE EARTH EXPORTS TO JAPAN",
            "Tokyo > Osaka trade corridor opens",
            "Exports/imports ratio",
            "EU/Japan trade",
            "Exports > imports for a sixth month",
            "経済政策の転換点",
            "By Sarah Miller | Japan trims its rice tariff",
            "Share | Japan and the United States agree on rice",
            "Facebook fined over privacy policy",
            "4 Comments on the tariff plan",
            "**Trade surplus**",
            "Exports *",
            "Note * marks preliminary figures *",
            "Exports rose 3% in 2023 ... to 7",
            "Follow the money, Tai said.",
            "Follow-up talks on Twitter's tariff exposure ended.",
            "Follow the party line on trade with China, he told members of the committee.",
        ] {
            assert!(!furniture(line), "{line}");
        }
    }

    #[test]
    fn author_notes_and_closing_sentences_like_them() {
        for note in [
            "Jeffrey J. Schott is a senior fellow at the Peterson Institute for International Economics.",
            "Chad P. Bown is the Reginald Jones Senior Fellow at the Peterson Institute for International Economics.",
            "*Mireya Solís is director of the Center for East Asia Policy Studies at Brookings.*",
            // A wire's note on its reporter (an analyst's review).
            "Aiko Tanaka is a senior correspondent at the Tokyo bureau of Asia Trade Weekly.",
        ] {
            assert!(author_note(&[note]), "{note}");
        }
        for closing in [
            "Ngozi Okonjo-Iweala is the director-general of the WTO.",
            "Nomura is a former trade negotiator at METI.",
            "The agreement is a step toward a fellowship of nations at peace.",
            "Katherine Tai is the U.S. Trade Representative.",
            "Ryosei Akazawa is Japan's chief negotiator at the tariff talks.",
            "Japan is a major importer of American rice.",
        ] {
            assert!(!author_note(&[closing]), "{closing}");
        }
    }
}
