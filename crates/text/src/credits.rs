//! Credit lines of news stories: bylines (`By Leika Kihara`), reporting
//! credits (`(Reporting by …; Editing by …)`), publication stamps
//! (`Published Wed, Dec. 11, 2023 09:11 AM JST`), and the Japanese
//! reporter's name in a dateline (`【ワシントン＝山田太郎】`) or a closing
//! credit (`（共同通信・山田太郎）`). They name who wrote a story and when,
//! not what it is about: counted as text, a wire's reporters and weekdays
//! rank among its terms.
//!
//! ```
//! use kotoba_text::credits::{credit_line, without_credit_lines};
//!
//! assert!(credit_line("By Leika Kihara and Tetsushi Kajimoto"));
//! assert!(credit_line("(Reporting by Leika Kihara; Editing by Sam Holmes)"));
//! assert!(credit_line("Published Wed, Dec. 11, 2023 09:11 AM JST"));
//! assert!(!credit_line("By 2030 Japan will cut tariffs."));
//! assert!(!credit_line("Published figures show a rise in exports."));
//! let text = "Exports rose\nBy Jane Doe\nJapan's exports rose.";
//! let blank = without_credit_lines(text);
//! assert_eq!(blank.len(), text.len());
//! assert!(!blank.contains("Jane"));
//! ```

use std::borrow::Cow;
use std::sync::OnceLock;

/// The phrases of `data/credits-en.txt`, by kind.
#[derive(Default)]
struct Phrases {
    byline: Vec<&'static str>,
    credit: Vec<&'static str>,
    stamp: Vec<&'static str>,
    date: Vec<&'static str>,
    time: Vec<&'static str>,
    file: Vec<&'static str>,
    outlet: Vec<&'static str>,
    notice: Vec<&'static str>,
    post: Vec<&'static str>,
    zone: Vec<&'static str>,
    photo: Vec<&'static str>,
    reading: Vec<&'static str>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut p = Phrases::default();
        for (kind, phrase) in crate::kinded_lines(include_str!("../data/credits-en.txt")) {
            let list = match kind {
                "byline" => &mut p.byline,
                "credit" => &mut p.credit,
                "stamp" => &mut p.stamp,
                "date" => &mut p.date,
                "time" => &mut p.time,
                "file" => &mut p.file,
                "outlet" => &mut p.outlet,
                "notice" => &mut p.notice,
                "post" => &mut p.post,
                "zone" => &mut p.zone,
                "photo" => &mut p.photo,
                "reading" => &mut p.reading,
                _ => continue,
            };
            list.push(phrase);
        }
        // Longest first, so `first published` is tried before `published`.
        for list in [&mut p.byline, &mut p.credit, &mut p.stamp] {
            list.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
        p
    })
}

/// Most words of a byline or stamp line.
const MAX_WORDS: usize = 14;

/// The rest of `line` after one of `openings` (compared without regard to
/// ASCII case, but opening with a capital: a lowercase `by` opens the
/// wrapped second line of a sentence) and a space, when it opens with one.
fn after_opening<'l>(line: &'l str, openings: &[&str]) -> Option<&'l str> {
    if !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    openings.iter().find_map(|o| {
        let head = line.get(..o.len())?;
        let rest = line.get(o.len()..)?;
        (head.eq_ignore_ascii_case(o) && rest.starts_with([' ', ':', '\t']))
            .then(|| rest.trim_start_matches([' ', ':', '\t']))
    })
}

/// Most words after `By` in a byline set in capitals, where case cannot
/// tell names from a clause (`BY MONDAY, TALKS ON RICE TARIFFS HAD
/// COLLAPSED` is none).
const MAX_CAPITALS_BYLINE_WORDS: usize = 5;

/// True for a byline's names: see [`names`]; in a line without lowercase
/// letters, also short and without a comma.
fn byline_names(rest: &str) -> bool {
    let shouting = !rest.chars().any(char::is_lowercase);
    names(rest)
        && (!shouting
            || (!rest.contains(',')
                && rest.split_whitespace().count() <= MAX_CAPITALS_BYLINE_WORDS))
}

/// True for the name of a month or weekday, or its abbreviation (`Dec`,
/// `Wed`, `September`; ASCII case aside; `data/credits-en.txt`'s `date`).
pub fn calendar_word(word: &str) -> bool {
    phrases().date.iter().any(|d| word.eq_ignore_ascii_case(d))
}

/// True for a stamp's opening word (`Updated`, `Published`; the
/// one-word `stamp` entries of `data/credits-en.txt`) or a word of its age
/// (`hours`, `ago`: `time`), ASCII case aside.
pub(crate) fn stamp_or_time_word(word: &str) -> bool {
    let p = phrases();
    p.stamp
        .iter()
        .any(|s| !s.contains(' ') && word.eq_ignore_ascii_case(s))
        || time_word(word)
}

/// True for a time of day or its zone (`09:35`, `09.45`, `9.45am`, `9am`,
/// `PM`, `BST`, `GMT+9`; `data/credits-en.txt`'s `zone`): a word of a
/// stamp or a live blog's time line, never a term.
pub fn clock_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | ':'));
    let w = w.strip_suffix('.').unwrap_or(w);
    let zone = |z: &str| phrases().zone.iter().any(|p| z.eq_ignore_ascii_case(p));
    // A zone with its offset (`GMT+9`, `UTC-5`).
    let bare_zone = w
        .split_once(['+', '-'])
        .filter(|(_, offset)| !offset.is_empty() && offset.bytes().all(|b| b.is_ascii_digit()))
        .map_or(w, |(z, _)| z);
    if zone(bare_zone) {
        return true;
    }
    // A time, perhaps with its half of the day written on (`9.45am`).
    let lower = w.to_ascii_lowercase();
    let time = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .unwrap_or(&lower);
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    match time.split_once([':', '.']) {
        Some((h, m)) => digits(h) && m.len() == 2 && digits(m),
        None => time.len() < lower.len() && digits(time),
    }
}

/// True for the name of a news outlet of `data/credits-en.txt` (`Reuters`,
/// `the Japan Times`, 読売新聞; ASCII case aside), with or without an
/// opening `the`.
pub fn outlet_name(name: &str) -> bool {
    let name = name.trim();
    let bare = name
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("the "))
        .map_or(name, |_| &name[4..]);
    phrases().outlet.iter().any(|o| {
        let o_bare = o.strip_prefix("the ").unwrap_or(o);
        bare.eq_ignore_ascii_case(o_bare)
    })
}

/// True for the type of a download link's file (`PDF`, `xlsx`; ASCII case
/// aside; `data/credits-en.txt`'s `file`).
pub fn file_type(word: &str) -> bool {
    phrases().file.iter().any(|f| word.eq_ignore_ascii_case(f))
}

/// True for another word of a stamp's date or time (`ago`, `hours`).
fn time_word(word: &str) -> bool {
    phrases().time.iter().any(|d| word.eq_ignore_ascii_case(d))
}

/// True for a word that dates a stamp: a month or weekday (`Wed`, `Dec.`),
/// `ago`, a year (`2023`), a time (`09:11`), or a date in figures
/// (`2023-12-11`, `12/11/2023`); not any figure (`Directive 2018/957`).
fn date_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | '(' | ')'));
    if calendar_word(w) || time_word(w) {
        return true;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let year = |s: &str| s.len() == 4 && digits(s) && (s.starts_with("19") || s.starts_with("20"));
    if year(w) {
        return true;
    }
    let fields: Vec<&str> = w.split([':', '-', '/']).collect();
    match fields.as_slice() {
        [h, m] if w.contains(':') => digits(h) && digits(m) && h.len() <= 2 && m.len() == 2,
        [a, b, c] => {
            [a, b, c].iter().all(|f| digits(f))
                && (year(a) || year(c))
                && [a, b, c].iter().filter(|f| f.len() <= 2).count() == 2
        }
        _ => false,
    }
}

/// True for the words of a name list: each capitalised, or a joining word
/// (`and`, `of`, `the`, `de`, …), commas between them; a final full stop.
fn names(rest: &str) -> bool {
    let rest = rest.trim_end().trim_end_matches('.');
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() < MAX_WORDS
        && words.first().is_some_and(|w| starts_upper(w))
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', ';']);
            starts_upper(w)
                || matches!(
                    w,
                    "and" | "of" | "the" | "in" | "for" | "at" | "de" | "da" | "van" | "von" | "&"
                )
        })
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when a line (white space around it aside) is a credit line of a
/// news story: see the module's documentation.
pub fn credit_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    let p = phrases();
    // A reading time closes a byline or a stamp (`… 5 min read`), or
    // stands alone.
    let line = match without_reading_time(line, &p.reading) {
        Some("") => return true,
        Some(rest) => rest,
        None => line,
    };
    // A byline may go on with its date after bars (`By Chad P. Bown |
    // April 3, 2024`).
    let dated_parts = |rest: &str| {
        rest.split('|')
            .skip(1)
            .all(|part| part.split_whitespace().any(date_word))
    };
    if after_opening(line, &p.byline).is_some_and(|rest| {
        let names_part = rest.split('|').next().unwrap_or(rest).trim();
        byline_names(names_part) && dated_parts(rest)
    }) {
        return true;
    }
    if let Some(inside) = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        && after_opening(inside.trim(), &p.credit).is_some()
    {
        return true;
    }
    if let Some(rest) = after_opening(line, &p.stamp) {
        // A stamp may end with its byline (`Posted March 20, 2024 by
        // Jeffrey J. Schott`, `Updated 3:45 PM ET, Tue March 5, 2024 By
        // Maria Garcia, Trade Correspondent`).
        let rest = match rest.split_once(" by ").or_else(|| rest.split_once(" By ")) {
            Some((stamp, by)) if names(by) => stamp,
            _ => rest,
        };
        // … or with its byline first (`Posted by Sarah Miller on March 12,
        // 2019`, as blogs write it).
        let rest = match rest.strip_prefix("by ").and_then(|r| r.split_once(" on ")) {
            Some((by, stamp)) if names(by) => stamp,
            _ => rest,
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let dated = words.iter().any(|w| date_word(w));
        // A stamp has no sentence of its own: `Published figures show…`
        // has a lowercase word that is not a date's.
        let lowercase_word = words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().next().is_some_and(char::is_lowercase)
                && !calendar_word(w)
                && !time_word(w)
                && !matches!(w, "on" | "at" | "am" | "pm" | "a" | "m" | "p")
        });
        return dated && !lowercase_word && words.len() < MAX_WORDS;
    }
    outlet_line(line, &p.outlet)
        || notice_line(line, &p.notice)
        || staff_line(line, &p.post)
        || japanese_credit(line)
}

/// `line` less a reading time closing it (a figure and a `reading`
/// phrase of `data/credits-en.txt`: `… 5 min read`), trimmed; `None` when
/// none closes it.
fn without_reading_time<'l>(line: &'l str, reading: &[&str]) -> Option<&'l str> {
    reading.iter().find_map(|r| {
        let at = line.len().checked_sub(r.len())?;
        let tail = line.get(at..)?;
        if !tail.eq_ignore_ascii_case(r) {
            return None;
        }
        let before = line[..at].trim_end();
        let figure = before
            .rsplit(char::is_whitespace)
            .next()
            .filter(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))?;
        Some(before[..before.len() - figure.len()].trim_end())
    })
}

/// Most words after the comma of a reporter's post (`Nikkei senior staff
/// writer`).
const POST_WORDS: usize = 5;

/// True for a line naming a reporter and a post of `data/credits-en.txt`
/// after a comma (`KEN KOBAYASHI, Nikkei staff writer`, `Jane Doe, Tokyo
/// correspondent`).
fn staff_line(line: &str, posts: &[&str]) -> bool {
    let Some((who, role)) = line.trim_end_matches('.').split_once(',') else {
        return false;
    };
    let role = role.trim();
    let role_words = role.split_whitespace().count();
    // `Japan and China, the trade correspondent` names no post of one
    // reporter.
    let article = ["the ", "a ", "an "].iter().any(|a| role.starts_with(a));
    names(who)
        && !article
        && who.split_whitespace().count() >= 2
        && (1..=POST_WORDS).contains(&role_words)
        && posts.iter().any(|p| {
            role.len() >= p.len()
                && role
                    .get(role.len() - p.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(p))
        })
}

/// True for a line opening with a wire's notice about itself (`The AP is
/// solely responsible for all content.`, `Our Standards: …`), of at most
/// [`MAX_WORDS`] words.
fn notice_line(line: &str, notices: &[&str]) -> bool {
    line.split_whitespace().count() < MAX_WORDS
        && notices.iter().any(|n| {
            line.get(..n.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(n))
        })
}

/// True for a line naming only a news outlet (`Thomson Reuters`), or its
/// copyright notice (`© 2024 Reuters`, `Copyright Kyodo News`).
fn outlet_line(line: &str, outlets: &[&str]) -> bool {
    // A sign-off set off with rules (`==Kyodo`, `-- Reuters --`).
    let line = line
        .trim_matches(|c: char| matches!(c, '=' | '-' | '—' | '–' | '*' | ' '))
        .trim_end_matches(['.', '。']);
    let named = |s: &str| outlets.iter().any(|o| s.trim().eq_ignore_ascii_case(o));
    if named(line) {
        return true;
    }
    let notice = ["©", "(c)", "(C)", "Copyright", "copyright"]
        .iter()
        .find_map(|mark| line.strip_prefix(mark));
    notice.is_some_and(|rest| {
        let rest = rest
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ',');
        named(
            rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .trim(),
        ) || named(rest.trim_end_matches(". All rights reserved").trim())
    })
}

/// A Japanese credit line: wholly in full-width parentheses and naming a
/// wire or reporter (`（共同通信・山田太郎）`, `（ワシントン＝山田太郎記者）`).
fn japanese_credit(line: &str) -> bool {
    line.strip_prefix('（')
        .and_then(|l| l.strip_suffix('）'))
        .is_some_and(|inside| {
            inside.chars().count() <= 30
                && (inside.contains('＝')
                    || inside.ends_with("記者")
                    || (inside.contains('・') && inside.contains("通信")))
        })
}

/// The length in bytes of a Japanese dateline naming its reporter that
/// opens `line` (`【ワシントン＝山田太郎】`), brackets included.
fn japanese_reporter_dateline(line: &str) -> Option<usize> {
    let inside = line.strip_prefix('【')?;
    let end = inside.find('】')?;
    let head = &inside[..end];
    (head.contains('＝') && head.chars().count() <= 30)
        .then(|| '【'.len_utf8() + end + '】'.len_utf8())
}

/// The byte spans of `line`'s bracketed credits and link labels: a photo
/// credit (`(AP Photo/Paul Sancya)`, `(REUTERS/Issei Kato)`: an outlet or
/// `Photo` before a slash) or a file type (`(PDF)`, `[PDF, 1.2 MB]`).
fn inline_credits(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let outlets = &phrases().outlet;
    line.match_indices(['(', '['])
        .filter_map(move |(open, bracket)| {
            let close = if bracket == "(" { ')' } else { ']' };
            let inner_start = open + 1;
            let len = line[inner_start..].find(close)?;
            let inner = &line[inner_start..inner_start + len];
            if inner.chars().count() > 40 {
                return None;
            }
            let head = inner.split_once('/').map(|(h, _)| h.trim());
            let photo = head.is_some_and(|h| {
                h.ends_with("Photo")
                    || h.ends_with("PHOTO")
                    || outlets.iter().any(|o| h.eq_ignore_ascii_case(o))
            });
            let file = inner.split([',', ' ']).next().is_some_and(file_type);
            (photo || file).then_some((open, inner_start + len + 1))
        })
}

/// True when `line` ends with a photo credit: in brackets, or a file type
/// (`… on Jan. 16, 2025. (AP Photo/Eugene Hoshiko)`), or after a label of
/// `data/credits-en.txt` (`photo`: `… in Tokyo. Photograph: Kim
/// Kyung-Hoon/Reuters`, `Photographer: Kiyoshi Ota/Bloomberg`).
pub(crate) fn ends_with_credit(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with([')', ']']) && inline_credits(line).any(|(_, end)| end == line.len()) {
        return true;
    }
    // The last label in the line, at its start or after a sentence's end;
    // most lines hold no colon and are done here (this runs at line breaks
    // of the sentence splitter).
    if !line.contains(':') {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    phrases().photo.iter().any(|label| {
        let needle = format!("{label}:");
        lower.rfind(&needle).is_some_and(|at| {
            let before = line[..at].trim_end();
            let after = line[at + needle.len()..].trim();
            (before.is_empty() || before.ends_with(['.', '!', '?', '"', '”']))
                && !after.is_empty()
                && after.split_whitespace().count() <= MAX_PHOTO_CREDIT_WORDS
                && !after.ends_with(['.', '!', '?'])
        })
    })
}

/// Most words of a labelled photo credit (`Kim Kyung-Hoon/Reuters`).
const MAX_PHOTO_CREDIT_WORDS: usize = 6;

/// The length of the speaker's label opening a line of minutes, through
/// the ideographic space after it: a circle, then the speaker's name and
/// post without spaces, at most 24 characters
/// (`○委員長（宮内秀樹君）　`, `○武藤国務大臣　`, `○山田（太郎）委員　`), as
/// the Diet's minutes write who speaks. Who speaks is no term (a
/// translator's review found 委員 ranked first).
pub fn speaker_label(line: &str) -> Option<usize> {
    let rest = line.strip_prefix(['○', '◯'])?;
    let (name, _) = rest.split_once('\u{3000}')?;
    let chars = name.chars().count();
    ((1..=SPEAKER_LABEL_CHARS).contains(&chars) && !name.contains(char::is_whitespace))
        .then(|| line.len() - rest.len() + name.len() + '\u{3000}'.len_utf8())
}

/// Most characters of a speaker's name and post in minutes.
const SPEAKER_LABEL_CHARS: usize = 24;

/// `text` with its credit lines, bracketed credits and link labels
/// (`(AP Photo/Paul Sancya)`, `(PDF)`), the reporter's part of Japanese datelines
/// and the speakers' labels of minutes ([`speaker_label`]), turned into spaces (line breaks kept, so offsets and
/// sentence boundaries stay where they were).
pub fn without_credit_lines(text: &str) -> Cow<'_, str> {
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        if credit_line(body) {
            blank.push((at + lead, at + body.trim_end().len()));
        } else {
            if let Some(len) = japanese_reporter_dateline(body.trim_start())
                .or_else(|| speaker_label(body.trim_start()))
            {
                blank.push((at + lead, at + lead + len));
            }
            blank.extend(inline_credits(body).map(|(s, e)| (at + s, at + e)));
        }
        at += line.len();
    }
    if blank.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (start, end) in blank {
        out.replace_range(start..end, &" ".repeat(end - start));
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_labels_in_minutes() {
        let text = "○委員長（宮内秀樹君）　これより会議を開きます。\n○武藤国務大臣　お答えいたします。\n○印の品目は対象外。\n";
        let blanked = without_credit_lines(text);
        assert_eq!(blanked.len(), text.len());
        assert!(
            !blanked.contains("委員長") && !blanked.contains("国務大臣"),
            "{blanked}"
        );
        assert!(blanked.contains("これより会議を開きます。") && blanked.contains("○印の品目"));
    }

    #[test]
    fn bylines_credits_and_stamps() {
        for line in [
            "By Leika Kihara and Tetsushi Kajimoto",
            "By Mari Yamaguchi, The Associated Press.",
            "  BY JANE DOE",
            "Updated 09:11 JST",
            "Published 2023-12-11",
            "(Reporting by Leika Kihara; Editing by Sam Holmes)",
            "[Additional reporting by Kentaro Sugiyama in Tokyo]",
            // A stamp, a byline and a reading time on one line (an
            // analyst's review found it in a summary).
            "Updated 3:45 PM ET, Tue March 5, 2024 By Maria Garcia, Trade Correspondent 5 min read",
            "By Maria Garcia 4 min read",
            "5 min read",
            "Published Wed, Dec. 11, 2023 09:11 AM JST",
            "Posted by Sarah Miller on March 12, 2019",
            "KEN KOBAYASHI, Nikkei staff writer",
            "Jane Doe, Tokyo correspondent",
            "With help from Gavin Bade",
            "Updated: 3 hours ago",
            "Last updated on March 3, 2024",
            "（共同通信・山田太郎）",
            "（ワシントン＝山田太郎記者）",
            "Thomson Reuters",
            "© 2024 Reuters",
            "Copyright 2023 Kyodo News. All rights reserved.",
            "共同通信",
            "==Kyodo",
            "By Chad P. Bown | April 3, 2024",
            "Posted March 20, 2024 by Jeffrey J. Schott",
            "The AP is solely responsible for all content.",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "This article was first published on Nikkei Asia.",
        ] {
            assert!(credit_line(line), "{line}");
        }
        for name in [
            "Reuters",
            "the Japan Times",
            "japan times",
            "CNBC",
            "読売新聞",
        ] {
            assert!(outlet_name(name), "{name}");
        }
        for name in ["Reuters poll", "Japan", "Times"] {
            assert!(!outlet_name(name), "{name}");
        }
        for line in [
            "By 2030 Japan will cut tariffs.",
            "By Monday, talks had collapsed.",
            "By then the yen had risen.",
            "Published figures show a rise in exports.",
            "Updated rules take effect in 2024.",
            "(Reporting rules apply to exporters.)",
            "（注）数字は速報値",
            "Posted workers in the EU",
            "Posted Workers Directive 2018/957",
            "BY MONDAY, TALKS ON RICE TARIFFS HAD COLLAPSED",
            "by Japanese Trade Minister Hashimoto and US Trade Representative Kantor.",
            "Reuters reported the deal.",
            "Copyright rules for trade",
            "Posted workers were hired by Toyota in 2024.",
            "The AP reported the deal.",
            "This article of the treaty covers rice.",
            "Tokyo, a reporter said.",
            "Japan and China, the trade correspondent",
            "With help from Japan, the talks resumed.",
        ] {
            assert!(!credit_line(line), "{line}");
        }
    }

    /// A photo credit in a caption gave `AP` as a term, a download link's
    /// file type `PDF`.
    #[test]
    fn bracketed_photo_credits_and_file_types_are_blanked() {
        let text = "Cars wait at a port. (AP Photo/Eugene Hoshiko)\n\
                    MC13 Ministerial Declaration (PDF)\n\
                    The yen fell (REUTERS/Issei Kato) [PDF, 1.2 MB] (Tokyo/Osaka)";
        let blank = without_credit_lines(text);
        assert_eq!(blank.len(), text.len());
        for gone in ["AP Photo", "PDF", "REUTERS", "Issei"] {
            assert!(!blank.contains(gone), "{gone}: {blank}");
        }
        for kept in [
            "MC13 Ministerial Declaration",
            "Cars wait at a port.",
            "(Tokyo/Osaka)",
        ] {
            assert!(blank.contains(kept), "{kept}: {blank}");
        }
    }

    #[test]
    fn japanese_reporter_datelines_are_blanked_to_their_bracket() {
        let text = "【ワシントン＝山田太郎】日米両政府は関税で合意した。";
        let blank = without_credit_lines(text);
        assert_eq!(blank.len(), text.len());
        assert!(!blank.contains("山田"));
        assert!(blank.contains("日米両政府は関税で合意した。"));
        // A bracketed headline is no dateline.
        let heading = "【日米関係、新たな局面へ】";
        assert_eq!(without_credit_lines(heading), heading);
    }
}
