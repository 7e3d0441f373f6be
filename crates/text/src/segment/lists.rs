//! List items: markers such as `1.`, `2.)`, `3)`, `(4)`, `a.`, `•` and `⁃10.`.
//!
//! A sentence that begins with a marker starts a list; within it, the next
//! marker of the same style (`1.` then `2.`, `a)` then `b)`, `•` then `•`)
//! begins a new item even when the previous item has no final punctuation:
//! "1. The first item 2. The second item" is two sentences.

use super::SentenceSpan;
use super::scan::{byte, char_at, push_trimmed};

/// What the marker counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A bullet alone: `•`.
    Bullet,
    /// `1.`, `2)` ...
    Digit,
    /// `a.`, `b)` ...
    Lower,
    /// `A.`, `B)` ...
    Upper,
}

/// The punctuation after the number or letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Punct {
    /// Nothing (a bullet alone).
    None,
    /// `1.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)`
    Paren,
    /// `(1)`
    Parens,
}

/// A list marker found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    pub(super) bullet: Option<char>,
    pub(super) kind: Kind,
    pub(super) value: u32,
    pub(super) punct: Punct,
    /// Byte offset of the marker's `.`, if it has one.
    pub(super) dot: Option<usize>,
    /// Byte offset just after the marker.
    pub(super) end: usize,
}

impl Marker {
    /// Whether `next` is the marker of the item after this one.
    pub(super) fn is_followed_by(&self, next: &Marker) -> bool {
        if self.kind == Kind::Bullet || (self.bullet.is_some() && next.bullet.is_some()) {
            return self.bullet.is_some() && next.bullet == self.bullet;
        }
        next.kind == self.kind && next.punct == self.punct && next.value == self.value + 1
    }
}

/// Bullets that start an item anywhere in a line.
fn is_strong_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▸'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// Bullets that start an item only at the start of a line.
fn is_line_bullet(c: char) -> bool {
    is_strong_bullet(c) || matches!(c, '-' | '*' | '+' | '–' | '・' | '※' | '★' | '☆')
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Parses a list marker starting at byte `at`; `line_start` also accepts
/// bullets such as `-` and `*` that are dashes elsewhere.  The marker must be
/// followed by white space.
pub(super) fn parse_marker(text: &str, at: usize, line_start: bool) -> Option<Marker> {
    let b = text.as_bytes();
    let mut k = at;
    let mut bullet = None;
    if let Some(c) = char_at(text, k) {
        let is_bullet = if line_start {
            is_line_bullet(c)
        } else {
            is_strong_bullet(c)
        };
        if is_bullet {
            bullet = Some(c);
            k += c.len_utf8();
            while matches!(byte(b, k), b' ' | b'\t') {
                k += 1;
            }
        }
    }
    let bullet_only = |k: usize| {
        // A bullet followed by white space, with no number after it.
        let spaced = k > at + bullet.map_or(0, char::len_utf8);
        (bullet.is_some() && spaced).then_some(Marker {
            bullet,
            kind: Kind::Bullet,
            value: 0,
            punct: Punct::None,
            dot: None,
            end: k,
        })
    };
    let parens = byte(b, k) == b'(';
    let first = if parens { k + 1 } else { k };
    let (kind, value, mut j) = match byte(b, first) {
        d @ b'0'..=b'9' => {
            let mut j = first + 1;
            let mut value = u32::from(d - b'0');
            while byte(b, j).is_ascii_digit() && j - first < 3 {
                value = value * 10 + u32::from(byte(b, j) - b'0');
                j += 1;
            }
            if byte(b, j).is_ascii_digit() {
                return bullet_only(k);
            }
            (Kind::Digit, value, j)
        }
        l @ (b'a'..=b'z' | b'A'..=b'Z') => {
            let kind = if l.is_ascii_lowercase() {
                Kind::Lower
            } else {
                Kind::Upper
            };
            (
                kind,
                u32::from(l.to_ascii_lowercase() - b'a') + 1,
                first + 1,
            )
        }
        _ => return bullet_only(k),
    };
    let mut dot = None;
    let punct = if parens {
        if byte(b, j) != b')' {
            return bullet_only(k);
        }
        j += 1;
        Punct::Parens
    } else {
        match (byte(b, j), byte(b, j + 1)) {
            (b'.', b')') => {
                dot = Some(j);
                j += 2;
                Punct::DotParen
            }
            (b'.', _) => {
                dot = Some(j);
                j += 1;
                Punct::Dot
            }
            (b')', _) => {
                j += 1;
                Punct::Paren
            }
            _ => return bullet_only(k),
        }
    };
    if !is_space(byte(b, j)) {
        return bullet_only(k);
    }
    Some(Marker {
        bullet,
        kind,
        value,
        punct,
        dot,
        end: j,
    })
}

/// Whether the line starting at byte `at` is a list item.
pub(super) fn is_line_item(text: &str, at: usize) -> bool {
    parse_marker(text, at, true).is_some() || matches!(char_at(text, at), Some('①'..='⑳'))
}

/// Pushes `span`, split before each further item if it begins with a marker.
pub(super) fn split_items(text: &str, span: SentenceSpan, out: &mut Vec<SentenceSpan>) {
    let Some(mut marker) = parse_marker(text, span.start, false) else {
        out.push(span);
        return;
    };
    let b = text.as_bytes();
    let mut item_start = span.start;
    let mut k = marker.end;
    while k < span.end {
        let next = (k > 0 && is_space(byte(b, k - 1)) && !is_space(byte(b, k)))
            .then(|| parse_marker(text, k, false))
            .flatten()
            .filter(|next| next.end <= span.end && marker.is_followed_by(next));
        match next {
            Some(next) => {
                push_trimmed(text, item_start, k, out);
                item_start = k;
                marker = next;
                k = next.end;
            }
            None => k += 1,
        }
    }
    push_trimmed(text, item_start, span.end, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_items(
            text,
            SentenceSpan {
                start: 0,
                end: text.len(),
            },
            &mut out,
        );
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn markers() {
        let m = parse_marker("1.) The", 0, false).expect("marker");
        assert_eq!(
            (m.kind, m.value, m.punct, m.dot, m.end),
            (Kind::Digit, 1, Punct::DotParen, Some(1), 3)
        );
        let m = parse_marker("• 10. x", 0, false).expect("marker");
        assert_eq!((m.bullet, m.value, m.dot), (Some('•'), 10, Some(6)));
        let m = parse_marker("(b) x", 0, false).expect("marker");
        assert_eq!((m.kind, m.value, m.punct), (Kind::Lower, 2, Punct::Parens));
        assert!(parse_marker("9.5 percent", 0, false).is_none());
        assert!(parse_marker("1993. The", 0, false).is_none());
        assert!(parse_marker("The", 0, false).is_none());
        assert!(parse_marker("- item", 0, false).is_none());
        assert!(parse_marker("- item", 0, true).is_some());
    }

    #[test]
    fn splits_items() {
        assert_eq!(
            items("1) The first item 2) The second item"),
            ["1) The first item", "2) The second item"]
        );
        assert_eq!(
            items("(1) one (2) two (4) four"),
            ["(1) one", "(2) two (4) four"]
        );
        assert_eq!(items("• one • two"), ["• one", "• two"]);
        assert_eq!(
            items("a. one b. two c. three"),
            ["a. one", "b. two", "c. three"]
        );
        assert_eq!(items("No list 2. here"), ["No list 2. here"]);
    }
}
