//! Bytes of a file as text: UTF-8, with or without a byte-order mark, or
//! UTF-16 with one (what Windows tools write as "Unicode": Notepad, Excel's
//! "Unicode text", Word's "Unicode" plain text).

/// Why a file that announces UTF-16 cannot be read as such.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Utf16Error {
    /// An odd number of bytes after the byte-order mark.
    #[error("UTF-16 text with an odd number of bytes (cut short?)")]
    OddLength,
    /// A surrogate without its partner.
    #[error("invalid UTF-16 at line {line}: an unpaired surrogate")]
    UnpairedSurrogate {
        /// Line number, 1-based.
        line: usize,
    },
}

/// The byte order a UTF-16 byte-order mark at the start of `bytes` gives:
/// `Some(true)` little-endian (`FF FE`), `Some(false)` big-endian
/// (`FE FF`), `None` without one.
pub fn utf16_byte_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// Decodes `bytes` when they start with a UTF-16 byte-order mark (the mark
/// itself is dropped); `None` when they do not.
///
/// ```
/// use kotoba_text::encoding::decode_utf16_with_bom;
///
/// let bytes = [0xFF, 0xFE, b'W', 0, b'T', 0, b'O', 0];
/// assert_eq!(decode_utf16_with_bom(&bytes), Some(Ok("WTO".to_string())));
/// assert_eq!(decode_utf16_with_bom(b"WTO"), None);
/// ```
pub fn decode_utf16_with_bom(bytes: &[u8]) -> Option<Result<String, Utf16Error>> {
    let little = utf16_byte_order(bytes)?;
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(Err(Utf16Error::OddLength));
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut line = 1;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                line += usize::from(c == '\n');
                text.push(c);
            }
            Err(_) => return Some(Err(Utf16Error::UnpairedSurrogate { line })),
        }
    }
    Some(Ok(text))
}

/// `text` as UTF-16 with its byte-order mark, little-endian or not: what
/// Windows tools write as "Unicode" text (for tests and tools that write for
/// them).
pub fn encode_utf16_with_bom(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        encode_utf16_with_bom(text, little)
    }

    #[test]
    fn both_byte_orders_decode_japanese_and_astral_characters() {
        let text = "貿易黒字\r\ntrade surplus 𠮷\n";
        assert_eq!(
            decode_utf16_with_bom(&utf16(text, true)),
            Some(Ok(text.into()))
        );
        assert_eq!(
            decode_utf16_with_bom(&utf16(text, false)),
            Some(Ok(text.into()))
        );
    }

    #[test]
    fn broken_utf16_names_what_is_wrong() {
        let mut odd = utf16("ab", true);
        odd.push(b'c');
        assert_eq!(
            decode_utf16_with_bom(&odd),
            Some(Err(Utf16Error::OddLength))
        );
        // A high surrogate alone on the second line.
        let mut lone = utf16("a\n", true);
        lone.extend([0x3D, 0xD8, b'b', 0]);
        assert_eq!(
            decode_utf16_with_bom(&lone),
            Some(Err(Utf16Error::UnpairedSurrogate { line: 2 }))
        );
    }

    #[test]
    fn utf8_with_or_without_its_mark_is_left_alone() {
        assert_eq!(decode_utf16_with_bom("\u{feff}関税".as_bytes()), None);
        assert_eq!(decode_utf16_with_bom(b""), None);
        assert_eq!(decode_utf16_with_bom(&[0xFF]), None);
    }
}
