//! Text put into Markdown output, escaped so that it renders as written
//! (CommonMark, with GitHub's tables and strikethrough): input text can
//! neither break the output's own markup nor add markup of its own.

/// Characters with a meaning anywhere in a line: emphasis, code, links and
/// images (`!` needs its `[`), HTML and autolinks, block quotes, headings'
/// closing marks, tables, strikethrough, and the backslash itself.
const INLINE: [char; 11] = ['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~'];

/// `text` escaped for Markdown. `line_start` says whether `text` begins a
/// line of the output (every line after a line break in it does): there
/// list, heading and underline marks are escaped too, and indentation is
/// dropped, since Markdown ignores it in a paragraph while four spaces would
/// make the line a code block, in which no markup renders.
pub fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 2);
    let mut at_start = line_start;
    // The byte of an ordered list's `.` or `)` (`1. `, `2) `) to escape.
    let mut list_mark: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if at_start {
            if c == ' ' || c == '\t' {
                continue;
            }
            at_start = false;
            if matches!(c, '-' | '+' | '=') {
                out.push('\\');
                out.push(c);
                continue;
            }
            let digits = text[i..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=9).contains(&digits)
                && matches!(text.as_bytes().get(i + digits), Some(b'.' | b')'))
            {
                list_mark = Some(i + digits);
            }
        }
        if c == '\n' {
            out.push('\n');
            at_start = true;
            continue;
        }
        if INLINE.contains(&c) || list_mark == Some(i) || (c == '&' && entity_at(&text[i..])) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` escaped for one line of Markdown, such as a heading: its line
/// breaks (a document id can hold them) become spaces, since they would end
/// the heading and start a paragraph of the rest.
pub fn escape_line(text: &str) -> String {
    let line: String = text
        .split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    escape(&line, false)
}

/// Whether `text` (at a `&`) starts what Markdown reads as an entity or a
/// character reference (`&amp;`, `&#38;`): a plain `&` needs no escape.
fn entity_at(text: &str) -> bool {
    let name = text[1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && text.as_bytes().get(1 + name) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_line};

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(
            escape("*a* _b_ `c` [d](e) <f> ~~g~~ | h \\ ![i]", false),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\~\\~g\\~\\~ \\| h \\\\ !\\[i\\]"
        );
    }

    #[test]
    fn entities_are_escaped_and_plain_ampersands_kept() {
        assert_eq!(
            escape("AT&T &amp; &#38; & x", false),
            "AT&T \\&amp; \\&\\#38; & x"
        );
    }

    #[test]
    fn block_marks_are_escaped_at_line_starts_only() {
        assert_eq!(
            escape(
                "# Title\n- item\n+ item\n1993. Year\n2) two\n===\n> quote",
                true
            ),
            "\\# Title\n\\- item\n\\+ item\n1993\\. Year\n2\\) two\n\\===\n\\> quote"
        );
        // Not at a line start, a hyphen, plus, digit or full stop is text.
        assert_eq!(escape("- 1. a-b", false), "- 1. a-b");
        // Ten digits are no list mark.
        assert_eq!(escape("1234567890. x", true), "1234567890. x");
    }

    #[test]
    fn indentation_is_dropped_so_no_line_becomes_code() {
        assert_eq!(
            escape("    code?\n\n\t- item\n  text", true),
            "code?\n\n\\- item\ntext"
        );
        // Inside a line, spaces are kept.
        assert_eq!(escape("  a  b", false), "  a  b");
    }

    #[test]
    fn a_line_has_no_line_breaks() {
        assert_eq!(escape_line("a\r\nb\n\n# c*"), "a b \\# c\\*");
        assert_eq!(escape_line("news/a.txt"), "news/a.txt");
    }

    #[test]
    fn plain_text_is_unchanged() {
        let text = "Japan’s trade surplus grew 5% to $3.2 billion (1993); 貿易黒字が拡大した。";
        assert_eq!(escape(text, true), text);
    }
}
