//! Japanese sentence boundaries.
//!
//! * A sentence ends after `。`, `！`, `？`, `．` (not between digits: `３．２９`)
//!   and `!`/`?` (not right after a Latin letter: `Yahoo!`), together with
//!   any further terminators and closing brackets or quotes (`。」`).
//! * Terminators inside parentheses (`（…）`, `(…)`, `【…】` ...) never end a
//!   sentence (a remark in brackets that opens its sentence and ends in a
//!   terminator, `（…を参照。）`, is one, ended at its closing bracket), nor do those inside a quotation that is part of a larger
//!   sentence (`「…。…」と述べた。`).  A quotation that stands alone — it
//!   starts a sentence and nothing continues after its closing bracket — is
//!   one utterance and one sentence, as Japanese prose and translations
//!   treat it: its closing bracket ends it, and terminators inside end a
//!   sentence only at the end of a line (splitting at each left `「…。` and
//!   `…」` with half a bracket pair each).
//! * A blank line always ends a sentence.  A single line break does not
//!   (`これは父の\n家です。` is one sentence), unless the next line is a list
//!   item or starts with a full-width-space paragraph indent, or the line
//!   before it is a heading: narrower than the widest line of its paragraph
//!   (wrapped lines fill a column) and ending in a noun or a closing bracket
//!   rather than in kana or a comma (`日米貿易交渉、来月開始へ`, `（共同）`, a
//!   bullet point without a marker), or the line ends in a polite predicate
//!   (`…されました`, `…方針です`) and the next line does not go on with a
//!   particle, or in a plain form or a closing quote (`…決めた`, `…ない`,
//!   `…」`) and the next line opens a sentence (`米国は…`), unless the text
//!   is wrapped to that line's width (see `plain_end_before`).
//! * `１．` or `1.` opening a line is a list number, not a sentence end.
//! * A sentence wholly in Latin script (an English passage) is split again
//!   by the English rules.

use super::SentenceSpan;
use super::lists;
use super::scan::{char_at, char_before, push_trimmed, skip_ws, skip_ws_counting_lines};

/// Splits Japanese `text` into sentences.
pub(super) fn split(text: &str) -> Vec<SentenceSpan> {
    let pairs = match_brackets(text);
    let mut opaque: Vec<(usize, usize)> = Vec::new();
    let mut quote_ends: Vec<usize> = Vec::new();
    let mut remark_ends: Vec<usize> = Vec::new();
    // Quotations standing alone, outermost only (pairs nest).
    let mut alone: Vec<(usize, usize)> = Vec::new();
    for pair in &pairs {
        if pair.quote && stands_alone(text, pair) {
            quote_ends.push(pair.close_end);
            alone.push((pair.open, pair.close_end));
        } else {
            opaque.push((pair.open, pair.close_end));
            // A remark in brackets that ends in a terminator (`（…参照。）`).
            if !pair.quote && char_before(text, pair.close).is_some_and(is_terminator_char) {
                remark_ends.push(pair.close_end);
            }
        }
    }
    alone.sort_unstable();
    alone.dedup_by(|inner, outer| inner.0 >= outer.0 && inner.1 <= outer.1);
    // Inside a quotation standing alone, a terminator ends a sentence only
    // at the end of a line: the quotation is one utterance, but one that
    // runs over several lines (paragraphs of a speech) keeps them apart.
    let alone_end = |at: usize| {
        let k = alone.partition_point(|r| r.0 < at);
        (k > 0 && at < alone[k - 1].1).then(|| alone[k - 1].1)
    };
    // Pairs nest, so after sorting by start only the outermost need keeping.
    opaque.sort_unstable();
    let mut outer: Vec<(usize, usize)> = Vec::with_capacity(opaque.len());
    for range in opaque {
        if outer.last().is_none_or(|last| range.0 >= last.1) {
            outer.push(range);
        }
    }
    quote_ends.sort_unstable();
    remark_ends.sort_unstable();

    let short = short_lines(text);
    let cut = cut_widths(text);
    let mut spans = Vec::new();
    let mut start = skip_ws(text, 0);
    let mut next_opaque = 0;
    let mut next_quote = 0;
    let mut i = start;
    while let Some(c) = char_at(text, i) {
        while outer.get(next_opaque).is_some_and(|r| r.1 <= i) {
            next_opaque += 1;
        }
        if let Some(&(open, close_end)) = outer.get(next_opaque).filter(|r| r.0 <= i) {
            // A remark in brackets that opens its sentence and ends in a
            // terminator is a sentence (`（詳細は…を参照。）次の…`), unless
            // its sentence goes on (`（…。）と述べた`) or a terminator
            // after it ends it; one inside a sentence stays in it
            // (`会談（詳細は後述。）を開く。`).
            let k = skip_ws(text, close_end);
            if start == open
                && remark_ends.binary_search(&close_end).is_ok()
                && !char_at(text, k).is_some_and(|d| {
                    is_terminator_char(d) || is_closer(d) || continues_quotation(d)
                })
            {
                push_trimmed(text, start, close_end, &mut spans);
                start = k;
            }
            i = close_end;
            continue;
        }
        let end = i + c.len_utf8();
        if is_terminator(text, i, c) {
            let mut j = end;
            while let Some(d) = char_at(text, j).filter(|&d| is_terminator_char(d) || is_closer(d))
            {
                j += d.len_utf8();
            }
            // `？と`, `！って`: a question or an exclamation quoted without
            // brackets goes on into its sentence.
            if quoted_without_brackets(text, i, j) {
                i = j;
                continue;
            }
            let (k, _) = skip_ws_counting_lines(text, j);
            let line_ends = text.get(j..k).is_some_and(|gap| gap.contains('\n'));
            // Terminators that stop short of the quotation's close (`。」。`
            // reaches past it and ends the sentence there).
            if alone_end(i).is_some_and(|end| j < end) && !line_ends {
                i = j;
                continue;
            }
            push_trimmed(text, start, j, &mut spans);
            start = skip_ws(text, j);
            i = j;
            continue;
        }
        if c == '\n' {
            let (k, blank) = skip_ws_counting_lines(text, i);
            let indent = char_at(text, i + 1) == Some('\u{3000}');
            if k < text.len()
                && (blank
                    || indent
                    || is_line_item(text, k)
                    || (start < i && heading_before(text, &short, i, k))
                    || (start < i && polite_end_before(text, i, k))
                    || (start < i && plain_end_before(text, &short, &cut, i, k))
                    || (start < i && line_of_its_own(text, i)))
            {
                push_trimmed(text, start, i, &mut spans);
                start = k;
                i = k;
                continue;
            }
        }
        while quote_ends.get(next_quote).is_some_and(|&q| q < end) {
            next_quote += 1;
        }
        if quote_ends.get(next_quote) == Some(&end) {
            // The end of a quotation standing alone ends its sentence, unless
            // a terminator follows and will do it.
            let k = skip_ws(text, end);
            if !char_at(text, k).is_some_and(|d| is_terminator_char(d) || is_closer(d)) {
                push_trimmed(text, start, end, &mut spans);
                start = k;
            }
        }
        i = end;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    split_english(text, spans)
}

/// `spans` with each sentence written wholly in Latin script (an English
/// passage of a Japanese document, `The probe starts today. It ends in
/// May.`) split by the English rules, abbreviations included (`U.S.
/// officials`): the Japanese rules end no sentence at a `.` before more
/// English. A sentence with any Japanese in it is left as it is, so a
/// quotation in English inside a Japanese sentence stays whole.
fn split_english(text: &str, spans: Vec<SentenceSpan>) -> Vec<SentenceSpan> {
    let latin = |s: &str| {
        s.bytes().any(|b| b.is_ascii_alphabetic()) && s.chars().all(|c| (c as u32) < 0x2E80)
    };
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        match text.get(span.start..span.end).filter(|s| latin(s)) {
            Some(sentence) => {
                out.extend(
                    super::english::split(sentence)
                        .into_iter()
                        .map(|s| SentenceSpan {
                            start: span.start + s.start,
                            end: span.start + s.end,
                        }),
                )
            }
            None => out.push(span),
        }
    }
    out
}

/// The line breaks (byte offsets of `\n`) that end a short line: one
/// narrower, by more than two characters, than the widest line of its
/// paragraph (full-width characters two columns wide, others one). Wrapped
/// text fills its lines to one width however narrow the column; a headline,
/// a credit or a bullet point above a longer line does not.
fn short_lines(text: &str) -> Vec<usize> {
    line_breaks_by_width(text, false)
}

/// The line breaks (byte offsets of `\n`) after lines as wide as the widest
/// of their paragraph (within [`TOLERANCE`] columns) in a paragraph that
/// looks wrapped (see `flush` below): where text was wrapped to a column
/// (`full`), or the others (`!full`). A paragraph of one line has no break.
pub(super) fn line_breaks_by_width(text: &str, full: bool) -> Vec<usize> {
    let mut out = Vec::new();
    // Lines of the current paragraph: (where the line break is, width,
    // whether the line ends a sentence).
    let mut paragraph: Vec<(usize, usize, bool)> = Vec::new();
    let mut flush = |paragraph: &mut Vec<(usize, usize, bool)>| {
        let widest = paragraph.iter().map(|&(_, w, _)| w).max().unwrap_or(0);
        let filled = |w: usize| w + TOLERANCE >= widest;
        let breaks = paragraph.iter().filter(|&&(at, _, _)| at != usize::MAX);
        // Wrapped text fills most of its lines that do not end a sentence (a
        // line ending in 。 is short by nature); a block of many lines of any
        // length (one message of a catalog per line) is not wrapped, whichever
        // is widest. A few lines tell too little to judge so.
        let open: Vec<usize> = breaks
            .clone()
            .filter(|&&(_, _, ends)| !ends)
            .map(|&(_, w, _)| w)
            .collect();
        // Nor is a column of a few characters (a menu, `経済⏎政治⏎社会`):
        // no one wraps prose that narrow.
        let wrapped = widest >= MIN_COLUMN
            && (open.len() < 4 || open.iter().filter(|&&w| filled(w)).count() * 2 >= open.len());
        out.extend(
            breaks
                .filter(|&&(_, w, _)| (wrapped && filled(w)) == full)
                .map(|&(at, _, _)| at),
        );
        paragraph.clear();
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            flush(&mut paragraph);
        } else {
            let ends = content.chars().next_back().is_some_and(|c| {
                is_terminator_char(c) || (is_closer(c) && content.contains(is_terminator_char))
            });
            // The last line has no break of its own but sets the width.
            let at = if line.ends_with('\n') {
                offset + line.len() - 1
            } else {
                usize::MAX
            };
            paragraph.push((at, width(content), ends));
        }
        offset += line.len();
    }
    flush(&mut paragraph);
    out
}

/// The narrowest column (display columns) text is taken to be wrapped to:
/// six full-width characters.
const MIN_COLUMN: usize = 12;

/// Columns by which a wrapped line may fall short of the widest of its
/// paragraph: two characters, for punctuation hung past the margin and a
/// line start pushed down by the rules of Japanese line breaking, or half-
/// width digits.
const TOLERANCE: usize = 4;

/// Display columns of a line: full-width (CJK, kana, full-width forms)
/// characters count two, others one.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if c as u32 >= 0x1100 && !matches!(c as u32, 0xFF61..=0xFF9F) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// The line that ends at the line break `i` is a heading of its own: a short
/// line (see [`short_lines`]) ending the way headlines, bullet points and
/// credits do, in a noun (kanji, katakana, Latin letters, digits: 体言止め;
/// a long vowel too, unless the next line goes on in katakana) or a closing
/// bracket, or in `へ` (`来月開始へ`) or `について` (a release's title). A line ending in any
/// other kana (a verb or particle: `記録\nした`, `表示する\nコマンド`) or a
/// comma goes on, as source text wrapped by hand (troff, e-mail) breaks
/// anywhere. Nor is it a heading when the next line, at `k`, opens with a
/// particle, which no sentence does (`「行く」⏎と言った。`).
fn heading_before(text: &str, short: &[usize], i: usize, k: usize) -> bool {
    if short.binary_search(&i).is_err()
        || char_at(text, k).is_some_and(|c| {
            matches!(
                c,
                'と' | 'を' | 'が' | 'は' | 'に' | 'で' | 'の' | 'へ' | 'も' | 'や' | '、' | '。'
            )
        })
    {
        return false;
    }
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let Some(last) = text[line_start..i].trim().chars().next_back() else {
        return false;
    };
    let hiragana = matches!(last, '\u{3041}'..='\u{309F}');
    let line = text[line_start..i].trim();
    // A title of a release (`…の結果について`) ends in kana as no other
    // heading does.
    let about = line.ends_with("について");
    // A long vowel ends a katakana word (`メーカー`) unless the next line
    // goes on in katakana, the word cut in two.
    let cut_word = last == 'ー'
        && char_at(text, k).is_some_and(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー'));
    let goes_on = matches!(last, '、' | '，' | ',' | '・' | '「' | '『' | '（' | '(')
        || cut_word
        || (hiragana && last != 'へ' && !about);
    !goes_on
}

/// The line that ends at the line break `i` ends in a polite predicate
/// (`ます`, `ました`, `ません`, `です`, `でした`, `でしょう`, `ましょう`) with no
/// terminator: a sentence ends there, whatever the line's width (lines of
/// subtitles, chat or slides leave out `。`). Not when the next line, at `k`,
/// goes on with a particle, a terminator or a bracket (`です⏎が、`, `ます⏎。`),
/// nor after the adverb `ますます`. A plain form (`た`, `る`) ends a wrapped
/// line mid-sentence too often (`合意した⏎内容`) to tell.
fn polite_end_before(text: &str, i: usize, k: usize) -> bool {
    const ENDINGS: [&str; 7] = [
        "ます",
        "ました",
        "ません",
        "です",
        "でした",
        "でしょう",
        "ましょう",
    ];
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let line = text[line_start..i].trim_end();
    let goes_on = char_at(text, k).is_some_and(|c| {
        matches!(
            c,
            'が' | 'か'
                | 'け'
                | 'の'
                | 'ね'
                | 'よ'
                | 'と'
                | 'な'
                | 'で'
                | 'も'
                | 'ー'
                | 'ら'
                | '、'
                | '，'
                | ','
        ) || is_terminator_char(c)
            || is_closer(c)
            // `ています⏎し、` goes on; `しかし`, `したがって` open a sentence.
            || (c == 'し'
                && char_at(text, k + c.len_utf8()).is_some_and(|n| matches!(n, '、' | '，' | ',')))
    });
    !goes_on && !line.ends_with("ますます") && ENDINGS.iter().any(|e| line.ends_with(e))
}

/// The line that ends at the line break `i` ends a sentence without `。`
/// in a plain final form (`…決めた`, `…反発する`, `…ない`, `…だろう`) or a
/// closing quote (`」`, `』`), and the next line, at `k`, starts another:
///
/// - after a short line (see [`short_lines`]: no column's width) that is a
///   label (`シェアする`) or before a line that opens the way a sentence
///   does ([`opens_a_sentence`]: `米国は反発した。`);
/// - after a line as wide as its paragraph's widest, only where no other
///   line of the text, cut mid-sentence after a particle or a comma, has
///   its width (text wrapped to a column breaks after `した` mid-sentence
///   too: `合意した⏎内容は`), before a line that opens a sentence.
///
/// Never when the next line goes on from it ([`goes_on_from_plain_end`]:
/// `表示する⏎コマンドです。`). Text wrapped by hand (man pages) breaks after
/// a verb mid-sentence (`表示される⏎login: というプロンプト`), hence the
/// look at the next line.
fn plain_end_before(text: &str, short: &[usize], cut: &[usize], i: usize, k: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let line = text[line_start..i].trim();
    if !plain_final(line) {
        return false;
    }
    let rest = &text[k..];
    if goes_on_from_plain_end(rest) {
        return false;
    }
    if short.binary_search(&i).is_ok() {
        return label(line) || opens_a_sentence(rest);
    }
    let w = width(line);
    let column = cut.iter().any(|&c| c.abs_diff(w) <= TOLERANCE);
    !column && opens_a_sentence(rest)
}

/// `line` is a label of a page's button, a noun and `する` (`シェアする`,
/// `印刷する`): at most ten characters, no other hiragana. Not a past form
/// (`前述した` modifies the next line's word).
fn label(line: &str) -> bool {
    line.strip_suffix("する").is_some_and(|stem| {
        !stem.is_empty()
            && stem.chars().count() <= 8
            && !stem.chars().any(|c| matches!(c, '\u{3041}'..='\u{309F}'))
    })
}

/// `line` ends in a plain predicate (`た`, `だ`, `る`, `す`, `う`, `ない`,
/// `たい`) or a closing quote: where a sentence ends when `。` is left out.
fn plain_final(line: &str) -> bool {
    // `ますます` is an adverb; polite forms have their own rule.
    if line.ends_with("ますます") {
        return false;
    }
    let mut chars = line.chars().rev();
    let (Some(last), before) = (chars.next(), chars.next()) else {
        return false;
    };
    match last {
        'た' | 'だ' | 'る' | 'す' | 'う' | '」' | '』' => before.is_some(),
        'い' => matches!(before, Some('な' | 'た')),
        _ => false,
    }
}

/// The widths (display columns) of lines cut mid-sentence: a line whose
/// next line is in its paragraph, ending in hiragana that ends no
/// predicate (a particle, a verb's stem: `…関税の`, `…述べ`) or in a
/// comma. Text wrapped to a column has such lines at the column's width;
/// headlines and sentences left without `。` have none.
fn cut_widths(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut lines = text.split('\n').map(str::trim).peekable();
    while let Some(line) = lines.next() {
        if lines.peek().is_none_or(|next| next.is_empty()) {
            continue;
        }
        let cut = line.chars().next_back().is_some_and(|c| {
            matches!(c, '、' | '，' | ',')
                || (matches!(c, '\u{3041}'..='\u{309F}') && !plain_final(line))
        });
        if cut {
            out.push(width(line));
        }
    }
    out
}

/// Whether `rest`, the next line after a plain final form, goes on from
/// it: it opens with a particle, a terminator or a closing bracket
/// (`する⏎と`, `た⏎。`), with other hiragana than a conjunction (`べ⏎た`,
/// `ただ⏎し、`), or with a noun and a copula, the noun a relative clause
/// modifies (`表示する⏎コマンドです。`).
fn goes_on_from_plain_end(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if is_terminator_char(first) || is_closer(first) || matches!(first, '、' | '，' | ',' | 'ー')
    {
        return true;
    }
    if matches!(first, '\u{3041}'..='\u{309F}') {
        return !SENTENCE_OPENERS.iter().any(|o| rest.starts_with(o));
    }
    let noun = noun_run(rest);
    noun > 0
        && ["です", "でした", "だ", "である", "だった", "でしょう"]
            .iter()
            .any(|c| rest[noun..].starts_with(c))
}

/// Words in kana that open a sentence (conjunctions, demonstratives).
const SENTENCE_OPENERS: [&str; 16] = [
    "しかし",
    "また",
    "さらに",
    "ただ",
    "なお",
    "だが",
    "そして",
    "ところが",
    "一方",
    "これ",
    "それ",
    "この",
    "その",
    "こうした",
    "そうした",
    "あの",
];

/// Whether `rest`, a line after one ending in a plain final form, opens
/// the way a sentence does: with a topic or subject (a noun phrase, `の`
/// allowed inside, and `は`, `が`, `も` or a comma: `米国は`,
/// `アメリカのトランプ政権は`, `３日、`), a noun without Latin letters
/// alone on its line (a heading, `書式`), an opening quote, or a conjunction (`しかし`). Not a
/// bracket: a remark in one goes on (`できる⏎(パスワードが空になる)。`).
fn opens_a_sentence(rest: &str) -> bool {
    if rest.starts_with(['「', '『', '【']) || SENTENCE_OPENERS.iter().any(|o| rest.starts_with(o))
    {
        return true;
    }
    let mut at = 0;
    // A few nouns joined by `の`, within a short stretch.
    for _ in 0..4 {
        let noun = noun_run(&rest[at..]);
        if noun == 0 {
            return false;
        }
        at += noun;
        match rest[at..].chars().next() {
            Some('の') => at += 'の'.len_utf8(),
            Some('は' | 'が' | 'も' | '、' | '，' | ',') => return true,
            // A word in Latin letters alone is a man page's command or
            // option set on a line of its own (`した⏎perl⏎を`).
            Some('\n' | '\r') | None => {
                return !rest[..at].bytes().any(|b| b.is_ascii_alphabetic());
            }
            _ => return false,
        }
    }
    false
}

/// The length in bytes of the noun that opens `s`: kanji, katakana, Latin
/// letters and digits of either width (`米国`, `トランプ政権`, `３日`).
fn noun_run(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| {
            !(matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '々' | '・' | '％' | '%')
                || c.is_ascii_alphanumeric()
                || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
                || (is_cjk_letter(c) && !matches!(c, '\u{3040}'..='\u{30FF}')))
        })
        .map_or(s.len(), |(at, _)| at)
}

/// The line that ends at the line break `i` stands alone whatever its width:
/// a heading marked `■`, `□`, `◆` or `◇` (`■概要`), or a table row, whose
/// cells are set apart by tabs or runs of ideographic spaces
/// (`自動車部品　０％　　　２０２４年４月`), or a headline or heading whose
/// parts an ideographic space sets apart, without a full stop
/// (`米、対中半導体規制を再強化　日本企業に影響も`, `第２節　供給網の多様化`;
/// a translator's review found a headline ending in も glued to its lead),
/// or a label of links. None wraps into the next line.
fn line_of_its_own(text: &str, i: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let line = text[line_start..i].trim();
    let body = line.trim_start_matches(['■', '□', '◆', '◇']);
    let heading = body.len() < line.len() && !body.trim().is_empty();
    let parted = line.contains('\u{3000}') && !line.contains(['。', '．']);
    // A label of links (`あわせて読みたい`) ran into the story's next
    // sentence, which went with it as furniture.
    heading
        || parted
        || crate::page::links_line(line)
        || date_alone(line)
        || line.contains('\t')
        || line.contains("\u{3000}\u{3000}")
}

/// True for a line that is a date alone (`令和７年９月１２日`, `2025年9月12日（金）`):
/// a release's date line, which the issuer's line under it does not
/// continue (a translator's review found `令和７年９月１２日経済産業省`).
fn date_alone(line: &str) -> bool {
    // A weekday in brackets after it: `（金）`, `(水曜日)`.
    let body = match line.rfind(['（', '(']) {
        Some(open) if line.ends_with(['）', ')']) => {
            let inner = line[open..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')']);
            let weekday = inner.chars().count() <= 3
                && inner
                    .chars()
                    .all(|c| matches!(c, '月' | '火' | '水' | '木' | '金' | '土' | '日' | '曜'));
            if !weekday {
                return false;
            }
            &line[..open]
        }
        _ => line,
    };
    let body = ["令和", "平成", "昭和"]
        .iter()
        .find_map(|era| body.strip_prefix(era))
        .unwrap_or(body);
    body.ends_with('日')
        && body.contains('年')
        && body.contains('月')
        && body
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '年' | '月' | '日' | '元'))
}

/// The line at `k` is a list item: `・一つ目`, `※注`, `① …`, `1. …`,
/// `１．…`, `(1)…`, `2）…`; or opens with a dateline (`【ワシントン共同】`),
/// where a story begins.
fn is_line_item(text: &str, k: usize) -> bool {
    matches!(
        char_at(text, k),
        Some('・' | '※' | '■' | '□' | '◆' | '◇' | '●' | '○' | '★' | '☆' | '▼' | '▽')
    ) || zero_bullet(&text[k..])
        || attachment(&text[k..])
        || lists::is_line_item(text, k)
        || numbered(&text[k..])
        || super::dateline(&text[k..]).is_some()
}

/// `line` opens an attachment's entry of a release (`別紙１：共同声明`,
/// `別添2　出席者`): each is an item of its own.
fn attachment(line: &str) -> bool {
    ["別紙", "別添", "参考資料"].iter().any(|label| {
        line.strip_prefix(label)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_numeric)
    })
}

/// `line` opens with 〇, the numeral zero that ministries' documents use as
/// a bullet (`〇意見募集期間：…`), not with a number written in kanji
/// (`〇〇年`, `〇・五`).
fn zero_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next() == Some('〇')
        && chars.next().is_some_and(|c| {
            !matches!(
                c,
                '〇' | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '・'
                    | '．'
            )
        })
}

/// `line` opens with a number of one to three digits (either width), in
/// brackets or followed by `．`, `.`, `）` or `)`: `１．`, `2)`, `（3）`.
fn numbered(line: &str) -> bool {
    let rest = line.strip_prefix(['(', '（']).unwrap_or(line);
    let digits = rest.chars().take_while(|&c| is_digit(c)).count();
    let mut after = rest.chars().skip(digits);
    (1..=3).contains(&digits)
        && after.next().is_some_and(|c| matches!(c, '．' | '.' | '）' | ')'))
        // `3.5%` opens no item.
        && !after.next().is_some_and(is_digit)
}

fn is_terminator_char(c: char) -> bool {
    matches!(
        c,
        '。' | '｡' | '！' | '？' | '．' | '!' | '?' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Whether the terminators at `i..j` close a question or an exclamation
/// quoted without brackets: they are all `？`/`！` (`?`/`!`…, no `。`) and a
/// quoting particle follows directly, `と` (`とし`, `との`, `という`), `って`
/// or `などと` (`円安はどこまで進むのか？と市場関係者は身構える。`), but not a
/// word that opens a sentence with `と` (`…のか？ところが、…`).
fn quoted_without_brackets(text: &str, i: usize, j: usize) -> bool {
    let (Some(marks), Some(rest)) = (text.get(i..j), text.get(j..)) else {
        return false;
    };
    let exclamations = marks
        .chars()
        .all(|c| matches!(c, '！' | '？' | '!' | '?' | '‼' | '⁇' | '⁈' | '⁉'));
    exclamations
        && (rest.starts_with("って")
            || rest.starts_with("などと")
            || (rest.starts_with('と') && !to_openers().iter().any(|o| rest.starts_with(o))))
}

/// Words that open a sentence with `と` (`data/to-openers-ja.txt`).
fn to_openers() -> &'static [&'static str] {
    static OPENERS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    OPENERS
        .get_or_init(|| crate::data_lines(include_str!("../../data/to-openers-ja.txt")).collect())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `c` at `i` ends a sentence (before looking at brackets).
fn is_terminator(text: &str, i: usize, c: char) -> bool {
    match c {
        '．' => {
            let decimal = char_before(text, i).is_some_and(is_digit)
                && char_at(text, i + c.len_utf8()).is_some_and(is_digit);
            !(decimal || list_number_before(text, i) || abbreviation_point(text, i))
        }
        '.' => english_sentence_end(text, i),
        // `Yahoo!ニュース` goes on; an English sentence before Japanese ends.
        '!' | '?' => {
            !char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric())
                || english_sentence_end(text, i)
        }
        _ => is_terminator_char(c),
    }
}

/// The `．` at `i` is the point of an abbreviation in full-width letters:
/// a letter or digit follows it (`Ｕ．Ｓ．スチール`'s first, `Ｎｏ．１`), or it
/// ends a one-letter part after another point (`Ｕ．Ｓ．`'s second).
fn abbreviation_point(text: &str, i: usize) -> bool {
    let latin = |c: char| c.is_alphabetic() && !is_cjk_letter(c);
    let Some(before) = char_before(text, i).filter(|&c| latin(c)) else {
        return false;
    };
    let next = char_at(text, i + '．'.len_utf8());
    if next.is_some_and(|c| latin(c) || is_digit(c)) {
        return true;
    }
    let letter_start = i - before.len_utf8();
    char_before(text, letter_start) == Some('．') && next.is_some_and(|c| !c.is_whitespace())
}

/// Kana, kanji and the other letters of Japanese writing.
fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// The ASCII `.` (or `!`, `?`) at `i` ends an English sentence written among Japanese
/// ones (`…to 15%. 日米は…`): white space and then Japanese follow, not a
/// particle that goes on from the English (`U.S. Steel Corp. は`, `Smith
/// et al. による`); a lowercase letter, digit, `%` or closing bracket or
/// quote stands before it (not `U.S.`); and the English, of three words or
/// more, starts a sentence itself: after a terminator or at a line start,
/// not after Japanese (`米鉄鋼大手 U.S. Steel Corp. 日本製鉄が…`).
fn english_sentence_end(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let rest = after.trim_start();
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if rest.len() == after.len() || !is_cjk_letter(next) || goes_on_after_english(rest) {
        return false;
    }
    if !char_before(text, i).is_some_and(|c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '%' | ')' | '"' | '\'')
    }) {
        return false;
    }
    // The English run back to the last Japanese character, Japanese
    // terminator or bracket, or line start, looked at over 200 characters
    // at most (a long line stays linear). English brackets, quotes and
    // apostrophes belong to the run (`rose (from 10%).`, `didn’t`).
    let from = text[..i]
        .char_indices()
        .rev()
        .take(200)
        .last()
        .map_or(0, |(at, _)| at);
    let window = &text[from..i];
    let bound = |c: char| {
        is_cjk_letter(c)
            || c == '\n'
            || matches!(
                c,
                '。' | '｡'
                    | '！'
                    | '？'
                    | '．'
                    | '」'
                    | '』'
                    | '）'
                    | '】'
                    | '〕'
                    | '〉'
                    | '》'
                    | '｣'
            )
    };
    let (starts_sentence, english) = match window.char_indices().rev().find(|&(_, c)| bound(c)) {
        Some((at, c)) => (!is_cjk_letter(c), &window[at + c.len_utf8()..]),
        None => (true, window),
    };
    starts_sentence && english.split_whitespace().count() >= 3
}

/// Whether Japanese `rest` goes on from the English before it with a
/// particle: one before a kanji, katakana or Latin word (`Corp. は日本製鉄`,
/// `の関税`), or a compound particle (`et al. による`, `について`, `として`),
/// not a sentence's opening word that starts with the same kana (`もちろん`,
/// `ところが`, `では、`).
fn goes_on_after_english(rest: &str) -> bool {
    const COMPOUNDS: [&str; 16] = [
        "による",
        "によって",
        "について",
        "において",
        "における",
        "にとって",
        "に対し",
        "として",
        "とともに",
        "との",
        "での",
        "への",
        "には",
        "とは",
        "では",
        "にも",
    ];
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !matches!(
        first,
        'は' | 'が' | 'の' | 'を' | 'に' | 'と' | 'で' | 'も' | 'へ' | 'や'
    ) {
        return false;
    }
    let second = chars.next();
    if second.is_some_and(|c| !('\u{3041}'..='\u{309F}').contains(&c)) {
        return !matches!(second, Some('、' | '，' | ','));
    }
    COMPOUNDS.iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|after| !after.starts_with(['、', '，', ',']))
    })
}

/// The `．` at `i` follows one to three digits that open a line: a list
/// number (`１．関税の撤廃`).
fn list_number_before(text: &str, i: usize) -> bool {
    // Looks back over the digits and the indent only: a search back to the
    // line start from every `．` would be quadratic on a long line.
    let mut before = text[..i].chars().rev().peekable();
    let mut digits = 0;
    while before.next_if(|&c| is_digit(c)).is_some() {
        digits += 1;
    }
    while before
        .next_if(|&c| c != '\n' && c.is_whitespace())
        .is_some()
    {}
    (1..=3).contains(&digits) && before.next().is_none_or(|c| c == '\n')
}

/// The closing bracket for `c`, and whether the pair is a quotation.
fn closer_for(c: char) -> Option<(char, bool)> {
    Some(match c {
        '「' => ('」', true),
        '『' => ('』', true),
        '“' => ('”', true),
        '（' => ('）', false),
        '(' => (')', false),
        '【' => ('】', false),
        '〔' => ('〕', false),
        '［' => ('］', false),
        '[' => (']', false),
        '｛' => ('｝', false),
        '〈' => ('〉', false),
        '《' => ('》', false),
        '≪' => ('≫', false),
        '«' => ('»', false),
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '」' | '』'
            | '”'
            | '）'
            | ')'
            | '】'
            | '〕'
            | '］'
            | ']'
            | '｝'
            | '〉'
            | '》'
            | '≫'
            | '»'
            | '’'
    )
}

fn is_quote_opener(c: char) -> bool {
    matches!(c, '「' | '『' | '“')
}

/// A matched pair of brackets.
#[derive(Debug, Clone, Copy)]
struct Pair {
    open: usize,
    close: usize,
    close_end: usize,
    quote: bool,
}

/// Matches brackets within each paragraph; unmatched ones are ignored.
fn match_brackets(text: &str) -> Vec<Pair> {
    const MAX_DEPTH: usize = 32;
    let mut stack: Vec<(char, usize, bool)> = Vec::new();
    let mut pairs = Vec::new();
    let mut line_blank = true;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if line_blank {
                stack.clear();
            }
            line_blank = true;
            continue;
        }
        if !c.is_whitespace() {
            line_blank = false;
        }
        if let Some((close, quote)) = closer_for(c) {
            if stack.len() < MAX_DEPTH {
                stack.push((close, i, quote));
            }
        } else if let Some(pos) = stack.iter().rposition(|e| e.0 == c) {
            // A closing bracket that matches an open one (inner unclosed
            // brackets are dropped).
            if let Some(&(_, open, quote)) = stack.get(pos) {
                pairs.push(Pair {
                    open,
                    close: i,
                    close_end: i + c.len_utf8(),
                    quote,
                });
            }
            stack.truncate(pos);
        }
    }
    pairs
}

/// Particles (and commas) that continue a sentence after a quotation;
/// none of them can start a sentence.
fn continues_quotation(c: char) -> bool {
    matches!(
        c,
        'と' | 'っ' | 'は' | 'が' | 'を' | 'に' | 'で' | 'へ' | 'や' | 'も' | 'の' | '、' | '，'
    )
}

/// Whether a quotation is a sentence of its own: it starts where a sentence
/// starts (at the start of the text or a line, or after a terminator or a
/// closing bracket) and nothing continues it after its closing bracket (the
/// text or paragraph ends, the next line does not start with a particle, or a
/// terminator follows).  A quotation followed directly by another
/// (`「…。」「…」`) stands alone only if it holds a terminator, so that
/// `「結果重視」「数値目標」の議論` stays whole.
fn stands_alone(text: &str, pair: &Pair) -> bool {
    let mut before = pair.open;
    while let Some(c) = char_before(text, before).filter(|&c| c.is_whitespace() && c != '\n') {
        before -= c.len_utf8();
    }
    let starts = match char_before(text, before) {
        None | Some('\n') => true,
        Some(c) => is_terminator_char(c) || is_closer(c),
    };
    if !starts {
        return false;
    }
    let (k, blank) = skip_ws_counting_lines(text, pair.close_end);
    let line_break = text
        .get(pair.close_end..k)
        .is_some_and(|gap| gap.contains('\n'));
    match char_at(text, k) {
        None => true,
        Some(_) if blank => true,
        // On the next line: a continuation starts with a particle ("と述べた").
        Some(c) if line_break => !continues_quotation(c),
        Some(c) if is_quote_opener(c) => text
            .get(pair.open..pair.close)
            .is_some_and(|inner| inner.chars().any(is_terminator_char)),
        Some(c) => is_terminator_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// A headline of two parts set apart by an ideographic space ends at
    /// its line, whatever its last word (a translator's review found one
    /// ending in も glued to its lead).
    #[test]
    fn a_headline_parted_by_an_ideographic_space_stands_alone() {
        assert_eq!(
            sentences(
                "米、対中半導体規制を再強化　日本企業に影響も\n米商務省は３日、中国向けの先端半導体や製造装置の輸出規制を強化すると発表した。"
            ),
            [
                "米、対中半導体規制を再強化　日本企業に影響も",
                "米商務省は３日、中国向けの先端半導体や製造装置の輸出規制を強化すると発表した。"
            ]
        );
    }

    /// A label of links alone ends its line: the story's next sentence had
    /// run into `あわせて読みたい` and gone with it as furniture (an
    /// analyst's review).
    #[test]
    fn a_label_of_links_alone_ends_its_line() {
        assert_eq!(
            sentences(
                "政府は協議すると発表した。\nあわせて読みたい\n日本の対ＥＵ鉄鋼輸出は昨年１８％減少した。\n"
            ),
            [
                "政府は協議すると発表した。",
                "あわせて読みたい",
                "日本の対ＥＵ鉄鋼輸出は昨年１８％減少した。"
            ]
        );
    }

    /// A release's date line stands alone: the issuer's line under it had
    /// joined it (a translator's review).
    #[test]
    fn a_date_alone_ends_its_line() {
        assert_eq!(
            sentences("令和７年９月１２日\n経済産業省\n\n輸出管理の見直しについて\n"),
            [
                "令和７年９月１２日",
                "経済産業省",
                "輸出管理の見直しについて"
            ]
        );
        assert_eq!(
            sentences("（参考）\n別紙１：共同声明（仮訳）\n別紙２：出席者リスト\n"),
            [
                "（参考）",
                "別紙１：共同声明（仮訳）",
                "別紙２：出席者リスト"
            ]
        );
        for date in [
            "令和７年９月１２日",
            "2025年9月12日（金）",
            "令和元年５月１日(水曜日)",
        ] {
            assert!(date_alone(date), "{date}");
        }
        for line in ["９月１２日に発表した", "令和７年度予算", "2025年（予定）"]
        {
            assert!(!date_alone(line), "{line}");
        }
    }

    /// 〇 opens items in ministries' documents (a translator's review found
    /// two joined); a number in kanji with a zero stays in its sentence.
    #[test]
    fn a_zero_as_a_bullet_opens_an_item() {
        assert_eq!(
            sentences("〇意見募集期間：１０月１１日まで\n〇結果の公表：１１月中旬（予定）\n"),
            [
                "〇意見募集期間：１０月１１日まで",
                "〇結果の公表：１１月中旬（予定）"
            ]
        );
        assert!(zero_bullet("〇意見募集期間"));
        for number in ["〇二五年の計画", "〇〇年", "〇・五％"] {
            assert!(!zero_bullet(number), "{number}");
        }
    }

    #[test]
    fn terminators() {
        assert_eq!(
            sentences("これはペンです。それはマーカーです。"),
            ["これはペンです。", "それはマーカーです。"]
        );
        assert_eq!(sentences("本当？！すごい!!"), ["本当？！", "すごい!!"]);
        assert_eq!(sentences("３．２９％です。"), ["３．２９％です。"]);
        assert_eq!(
            sentences("Yahoo!ニュースによる。"),
            ["Yahoo!ニュースによる。"]
        );
    }

    /// A question or an exclamation quoted without brackets goes on into
    /// its sentence (a translator's review found the sentence split after
    /// `？`); inside `「」` it already did.
    #[test]
    fn questions_quoted_without_brackets() {
        for text in [
            "円安はどこまで進むのか？と市場関係者は身構える。",
            "本当に妥結できるのか？との声も上がる。",
            "関税は撤廃されるのか？として注目を集めた。",
            "なぜ今なのか？って誰もが思う。",
            "交渉決裂か!?などと報じられた。",
            "まさか！という声が上がった。",
            "本当に?と聞き返した。",
        ] {
            assert_eq!(sentences(text), [text]);
        }
        assert_eq!(
            sentences("合意できるのか？ところが、米側は譲らない。"),
            ["合意できるのか？", "ところが、米側は譲らない。"]
        );
        assert_eq!(
            sentences("本当か？とにかく急ごう。"),
            ["本当か？", "とにかく急ごう。"]
        );
        assert_eq!(
            sentences("妥結は近いのか？ 当局者は答えなかった。"),
            ["妥結は近いのか？", "当局者は答えなかった。"]
        );
        assert_eq!(
            sentences("値上げは続く。と関係者は言う。"),
            ["値上げは続く。", "と関係者は言う。"]
        );
    }

    #[test]
    fn embedded_quotations_and_parentheses() {
        assert_eq!(
            sentences("彼は「行く。すぐ行く」と言った。次だ。"),
            ["彼は「行く。すぐ行く」と言った。", "次だ。"]
        );
        assert_eq!(
            sentences("会談（詳細は後述。）を開く。"),
            ["会談（詳細は後述。）を開く。"]
        );
        assert_eq!(sentences("「行く。」と言った。"), ["「行く。」と言った。"]);
    }

    /// English sentences among Japanese ones were one sentence (a news
    /// analyst's review): a passage in Latin script is split by the
    /// English rules.
    #[test]
    fn english_passages_are_split_by_the_english_rules() {
        assert_eq!(
            sentences("調査は始まった。\nThe probe starts today. It ends in May.\n"),
            [
                "調査は始まった。",
                "The probe starts today.",
                "It ends in May."
            ]
        );
        assert_eq!(
            sentences(
                "日本は反発した。U.S. officials said talks would go on. Tariffs rose! 日米は協議する。"
            ),
            [
                "日本は反発した。",
                "U.S. officials said talks would go on.",
                "Tariffs rose!",
                "日米は協議する。"
            ]
        );
        // English quoted in a Japanese sentence stays in it.
        let quoted = "彼は \"We will fight. We will win.\" と述べた。";
        assert_eq!(sentences(quoted), [quoted]);
    }

    /// A remark in brackets that ends in a terminator and opens its
    /// sentence ends it at its closing bracket: the next sentence had run
    /// into it (a news analyst's review).
    #[test]
    fn a_remark_in_brackets_after_its_full_stop_ends_the_sentence() {
        assert_eq!(
            sentences("（詳細は経産省の発表資料を参照。）次の会合は来月だ。"),
            ["（詳細は経産省の発表資料を参照。）", "次の会合は来月だ。"]
        );
        assert_eq!(
            sentences("関税は撤廃された。（注：一部を除く。）次の会合は来月だ。"),
            [
                "関税は撤廃された。",
                "（注：一部を除く。）",
                "次の会合は来月だ。"
            ]
        );
        for text in [
            "会談（詳細は後述。）を開く。",
            "（詳細は後述。）と記した。",
            "（詳細は後述）次の会合は来月だ。",
        ] {
            assert_eq!(sentences(text), [text]);
        }
        assert_eq!(
            sentences("（詳細は後述。）。次だ。"),
            ["（詳細は後述。）。", "次だ。"]
        );
    }

    #[test]
    fn quotations_standing_alone() {
        assert_eq!(
            sentences("彼は言った。「行く。すぐ行く」"),
            ["彼は言った。", "「行く。すぐ行く」"]
        );
        assert_eq!(
            sentences("「脅しではない。ただ、心配だ」\n次の文。"),
            ["「脅しではない。ただ、心配だ」", "次の文。"]
        );
        assert_eq!(
            sentences("「脅しではない。ただ、心配だ」。次。『行く。』"),
            ["「脅しではない。ただ、心配だ」。", "次。", "『行く。』"]
        );
        // A terminator before the close ends the sentence with it.
        assert_eq!(
            sentences("「一。二。三。」。四。五。"),
            ["「一。二。三。」。", "四。", "五。"]
        );
        assert_eq!(
            sentences("「行く。」！次の文。"),
            ["「行く。」！", "次の文。"]
        );
        // A speech over several lines keeps its lines apart.
        assert_eq!(
            sentences("「同意しない。\nなぜ会うのか。\n結果が出るだろう」"),
            ["「同意しない。", "なぜ会うのか。", "結果が出るだろう」"]
        );
        assert_eq!(
            sentences("「行く。すぐ行く」\nと言った。"),
            ["「行く。すぐ行く」\nと言った。"]
        );
        assert_eq!(
            sentences("「結果重視」「数値目標」の議論。"),
            ["「結果重視」「数値目標」の議論。"]
        );
        assert_eq!(
            sentences("「権限がない」\nその結果、警告した。"),
            ["「権限がない」", "その結果、警告した。"]
        );
        assert_eq!(sentences("「権限がない」"), ["「権限がない」"]);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(sentences("これは父の\n家です。"), ["これは父の\n家です。"]);
        assert_eq!(sentences("見出し\n\n本文です。"), ["見出し", "本文です。"]);
        assert_eq!(
            sentences("前の段落\n\u{3000}次の段落。"),
            ["前の段落", "次の段落。"]
        );
        assert_eq!(
            sentences("項目\n・一つ目\n・二つ目"),
            ["項目", "・一つ目", "・二つ目"]
        );
        // A review found headlines, bullet points without markers and news
        // agency credits glued to the sentence after them.
        assert_eq!(
            sentences(
                "日米貿易交渉、来月開始へ\n\
                 政府は３日、米国との貿易協議で自動車関税の引き下げを求める方針を固めた。\n\
                 対米貿易黒字は7兆円に拡大した。（共同）\n\
                 農林水産省はコメの関税維持を主張している。"
            ),
            [
                "日米貿易交渉、来月開始へ",
                "政府は３日、米国との貿易協議で自動車関税の引き下げを求める方針を固めた。",
                "対米貿易黒字は7兆円に拡大した。",
                "（共同）",
                "農林水産省はコメの関税維持を主張している。"
            ]
        );
        assert_eq!(
            sentences("＜主な論点＞\n関税撤廃の範囲\n政府調達\n首相は妥結を目指す。"),
            [
                "＜主な論点＞",
                "関税撤廃の範囲",
                "政府調達",
                "首相は妥結を目指す。"
            ]
        );
        // A wrapped line (as wide as its paragraph's widest) goes on,
        // whatever it ends in and wherever the sentence started in it, in a
        // narrow column too.
        assert_eq!(
            sentences("政府は米国との貿易協議で自動車関税の引き下げ\nを求める方針を固めた。"),
            ["政府は米国との貿易協議で自動車関税の引き下げ\nを求める方針を固めた。"]
        );
        let wrapped = "政府は３日、方針を固めた。対米\n貿易黒字は７兆円に拡大した。経\n団連の会長は早期妥結を望んだ。";
        assert_eq!(sentences(wrapped).len(), 3, "{:?}", sentences(wrapped));
        assert_eq!(sentences("首相は記者団に述べ\nた。").len(), 1);
        // Source text wrapped by hand breaks after verbs: it goes on.
        let troff = "このオプションを指定すると、内容を一覧で表示します。\n\
                     ファイルの内容を表示する\nコマンドです。";
        assert_eq!(sentences(troff).len(), 2, "{:?}", sentences(troff));
        // A review's cases: a wrapped line among lines that end sentences, a
        // paragraph indented with a full-width space, punctuation hung past
        // the margin, numbered items of one width, and 3.5% at a line start.
        for (text, n) in [
            (
                "お世話になっております。\n先日ご相談した関税割当の件ですが、経済産業\n省から回答がありました。\nよろしくお願いいたします。\n",
                3,
            ),
            (
                "\u{3000}政府は３日、米国との二国間の貿易協議で自動車\n関税の引き下げを求める方針を固めたと発表した。\n\u{3000}対米貿易黒字は拡大した。\n\u{3000}首相は妥結を目指す。\n\u{3000}農林水産省は反発した。\n",
                4,
            ),
            (
                "政府は３日、米国との二国間貿易協議で関税の引き下げ、\n農産品の市場開放についても来年7月に開かれる東京サ\nミットで合意する方針を固めた。\n",
                1,
            ),
            (
                "対応策は次の通り。\n１．関税の段階的撤廃\n２．政府調達の透明性向上\n３．原産地規則の見直し\n",
                4,
            ),
            ("今年の成長率は\n3.5%に達した。", 1),
        ] {
            assert_eq!(sentences(text).len(), n, "{:?}", sentences(text));
        }
        // The seed translation wrapped to a column, narrow or wide.
        let seed = include_str!("../../../../testdata/clinton-japan-trade-1993.ja.txt");
        for width in [12, 14, 20, 30, 40] {
            let wrapped: Vec<String> = seed
                .split("\n\n")
                .map(|p| {
                    let chars: Vec<char> = p.chars().filter(|&c| c != '\n').collect();
                    chars
                        .chunks(width)
                        .map(|c| c.iter().collect::<String>())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let wrapped = wrapped.join("\n\n");
            assert_eq!(sentences(&wrapped).len(), sentences(seed).len(), "{width}");
        }
        // A line ending in a polite predicate ends its sentence without
        // `。`, unless a particle opens the next line (plain forms:
        // `lines_ending_in_plain_forms_without_a_full_stop`).
        assert_eq!(
            sentences(
                "日米協議が再開されました\n政府は関税を引き下げる方針です\n\
                 米国は歓迎しました\n交渉は来月も続く見通し"
            ),
            [
                "日米協議が再開されました",
                "政府は関税を引き下げる方針です",
                "米国は歓迎しました",
                "交渉は来月も続く見通し"
            ]
        );
        for text in [
            "関税は引き下げられる見通しです\nが、時期は未定だ。",
            "関税は引き下げられる見通しです\n。",
            "輸出はますます\n増えている。",
            "資料を掲載しています\nし、窓口でも配布している。",
            "準備ができました\nら、連絡する。",
        ] {
            assert_eq!(sentences(text).len(), 1, "{:?}", sentences(text));
        }
        assert_eq!(
            sentences("交渉は続いています\nしかし、合意は遠い。").len(),
            2
        );
        assert_eq!(
            sentences("交渉は続いています\nしたがって、合意は遠い。").len(),
            2
        );
        // Full-width abbreviations keep their points; an English sentence
        // among Japanese ones ends at its period.
        assert_eq!(
            sentences("日本製鉄はＵ．Ｓ．スチールを買収した。Ｎｏ．１の投資国は日本だ。"),
            [
                "日本製鉄はＵ．Ｓ．スチールを買収した。",
                "Ｎｏ．１の投資国は日本だ。"
            ]
        );
        assert_eq!(
            sentences(
                "Japan and the U.S. agreed to cut tariffs to 15%. 日米は合意した。 Apple Inc. 日本法人も歓迎した。"
            ),
            [
                "Japan and the U.S. agreed to cut tariffs to 15%.",
                "日米は合意した。",
                "Apple Inc. 日本法人も歓迎した。"
            ]
        );
        // English names inside a Japanese sentence go on (a review found
        // these split).
        for text in [
            "米鉄鋼大手 U.S. Steel Corp. は日本製鉄による買収を受け入れた。",
            "Smith et al. による研究では関税の効果は小さい。",
            "米国の鉄鋼大手 U.S. Steel Corp. 日本製鉄が買収した。",
        ] {
            assert_eq!(sentences(text).len(), 1, "{:?}", sentences(text));
        }
        // English with brackets, quotes or apostrophes is still English,
        // and a Japanese sentence may open with a word that starts like a
        // particle (a review found these no longer split).
        for text in [
            "日本は反発した。Tariffs rose to 15% (from 10%). 日米は協議する。",
            "日本は反発した。They didn’t agree at all. 日米は協議する。",
            "日本は反発した。He said “no deal” to them. 日米は協議する。",
            "The tariff rose to 15%. もちろん日本は反発した。",
            "The tariff rose to 15%. ところが日本は反発した。",
            "The tariff rose to 15%. では、日本はどうするのか。",
        ] {
            assert_eq!(
                sentences(text).len(),
                if text.starts_with('日') { 3 } else { 2 },
                "{:?}",
                sentences(text)
            );
        }
        let narrow = "日米両国は貿易\n協議を再開し、\n東京で会談した\n。";
        assert_eq!(sentences(narrow).len(), 1, "{:?}", sentences(narrow));
        // List numbers in full width open items; ３．２９ stays a number.
        assert_eq!(
            sentences("対応策は次の通り。\n１．関税の段階的撤廃\n２．政府調達の透明性向上\n"),
            [
                "対応策は次の通り。",
                "１．関税の段階的撤廃",
                "２．政府調達の透明性向上"
            ]
        );
    }

    /// Lines ending a sentence in a plain form or a closing quote without
    /// `。` ran into the next line (a news analyst's review: a button label
    /// `シェアする` into the lead, `決めた米国は`), with LF or CR LF; a line cut
    /// mid-sentence still goes on.
    #[test]
    fn lines_ending_in_plain_forms_without_a_full_stop() {
        let page = "米 日本車に25％追加関税\n2025年4月3日 10時15分\nシェアする\n\
                    アメリカのトランプ政権は追加関税を課すと発表しました。\n\
                    政府は見直しを求める方針です。\n";
        let expected = [
            "米 日本車に25％追加関税",
            "2025年4月3日 10時15分",
            "シェアする",
            "アメリカのトランプ政権は追加関税を課すと発表しました。",
            "政府は見直しを求める方針です。",
        ];
        for (text, expected) in [
            (page, &expected[..]),
            (
                "政府は方針を決めた\n米国は反発した。\n",
                &["政府は方針を決めた", "米国は反発した。"],
            ),
            (
                "首相は「関税は受け入れられない」\n政府は反発した。\n",
                &["首相は「関税は受け入れられない」", "政府は反発した。"],
            ),
            (
                "「関税は受け入れられない」\n政府は反発した。\n",
                &["「関税は受け入れられない」", "政府は反発した。"],
            ),
            (
                "米国は歓迎した\n政府は関税を引き下げる。",
                &["米国は歓迎した", "政府は関税を引き下げる。"],
            ),
            (
                "交渉は難しい局面に入ったとみられる\nしかし政府は妥結を目指す。",
                &[
                    "交渉は難しい局面に入ったとみられる",
                    "しかし政府は妥結を目指す。",
                ],
            ),
            (
                "関税は撤廃されない\n３日、政府が発表した。",
                &["関税は撤廃されない", "３日、政府が発表した。"],
            ),
        ] {
            assert_eq!(sentences(text), expected, "{text:?}");
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(sentences(&crlf), expected, "{crlf:?}");
        }
        // What goes on: a particle, other kana, a noun before a copula (the
        // noun a clause modifies), and text wrapped to a column, whose other
        // lines are cut after particles at the same width.
        for text in [
            "ファイルの内容を表示する\nコマンドです。",
            "首相は「受け入れられない」\nと述べた。",
            "政府は対応を検討した\nうえで結論を出す。",
            "日米両政府は関税の引き下げで合意した\nが、詳細は明らかにしなかった。",
            "日米両政府は自動車の関税について\n協議を重ね、両国の閣僚が合意した\n内容は来月公表される。",
        ] {
            assert_eq!(sentences(text), [text], "{text:?}");
        }
        assert!(plain_final("決めた") && plain_final("受け入れられない"));
        assert!(!plain_final("輸出はますます") && !plain_final("引き下げ"));
    }

    #[test]
    fn marked_headings_and_table_rows_end_their_lines() {
        assert_eq!(
            sentences("■経済産業省ニュースリリース\n２０２４年３月１５日\n\n本文です。"),
            [
                "■経済産業省ニュースリリース",
                "２０２４年３月１５日",
                "本文です。"
            ]
        );
        assert_eq!(
            sentences(
                "品目　　　　関税率　　実施時期\n自動車部品　０％　　　２０２４年４月\n牛肉　　　　９％　　　２０３３年度\n"
            ),
            [
                "品目　　　　関税率　　実施時期",
                "自動車部品　０％　　　２０２４年４月",
                "牛肉　　　　９％　　　２０３３年度"
            ]
        );
        // A wrapped sentence still joins across its line break.
        assert_eq!(
            sentences("政府は米国との協議で関税の引\nき下げを求めた。"),
            ["政府は米国との協議で関税の引\nき下げを求めた。"]
        );
        // A release's title in `について`, a headline ending in a long
        // vowel, stand alone above a longer line (a second review found
        // them glued to the lead).
        assert_eq!(
            sentences(
                "日ASEAN経済大臣会合の結果について\n５月９日、齋藤経済産業大臣は日ASEAN経済大臣会合に出席しました。\n"
            ),
            [
                "日ASEAN経済大臣会合の結果について",
                "５月９日、齋藤経済産業大臣は日ASEAN経済大臣会合に出席しました。"
            ]
        );
        assert_eq!(
            sentences(
                "ＥＶ補助金、対象はメーカー\n政府は８日、電気自動車の購入補助金の対象を見直すと発表した。\n"
            ),
            [
                "ＥＶ補助金、対象はメーカー",
                "政府は８日、電気自動車の購入補助金の対象を見直すと発表した。"
            ]
        );
        // A site's menu, a word a line, is no column of wrapped text (it
        // came out as one sentence, `経済政治社会国際`).
        assert_eq!(
            sentences("経済\n政治\n社会\n国際\nスポーツ\n\n円相場が急落した。"),
            [
                "経済",
                "政治",
                "社会",
                "国際",
                "スポーツ",
                "円相場が急落した。"
            ]
        );
    }

    #[test]
    fn unmatched_brackets_are_ignored() {
        assert_eq!(
            sentences("「同意しない。次だ。"),
            ["「同意しない。", "次だ。"]
        );
        assert_eq!(sentences("結果だ」次だ。"), ["結果だ」次だ。"]);
        assert_eq!(sentences("（注。\n\n本文。）"), ["（注。", "本文。）"]);
    }
}
