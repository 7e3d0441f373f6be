//! Reading GNU gettext catalogs (`.mo`): message pairs of a source (English)
//! and a translation. Every Debian machine carries thousands of them, which
//! makes them real bilingual text for tests and evaluations.

use std::path::Path;

use crate::CorpusError;

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The source text (`msgid`; for plural forms, the singular).
    pub source: String,
    /// The translation (`msgstr`; for plural forms, the first).
    pub translation: String,
}

const MAGIC_LE: u32 = 0x9504_12de;
const MAGIC_BE: u32 = 0xde12_0495;

/// Reads a compiled catalog; the header entry (empty `msgid`) is left out.
pub fn read_mo(path: &Path) -> Result<Vec<Message>, CorpusError> {
    let bytes = std::fs::read(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_mo(&bytes).ok_or_else(|| CorpusError::Format {
        path: path.to_path_buf(),
        message: "not a valid gettext .mo catalog".into(),
    })
}

fn parse_mo(bytes: &[u8]) -> Option<Vec<Message>> {
    let word = |at: usize, big: bool| -> Option<u32> {
        let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let big = match word(0, false)? {
        MAGIC_LE => false,
        MAGIC_BE => true,
        _ => return None,
    };
    let count = word(8, big)? as usize;
    let originals = word(12, big)? as usize;
    let translations = word(16, big)? as usize;
    let string = |table: usize, i: usize| -> Option<String> {
        let len = word(table + 8 * i, big)? as usize;
        let at = word(table + 8 * i + 4, big)? as usize;
        let raw = bytes.get(at..at.checked_add(len)?)?;
        // Plural forms are NUL-separated; keep the first.
        let first = raw.split(|&b| b == 0).next().unwrap_or(raw);
        String::from_utf8(first.to_vec()).ok()
    };
    // Both tables (8 bytes an entry) must lie in the file: the count is
    // read from it, and a wrong one asked for gigabytes up front.
    let fits = |table: usize| {
        count
            .checked_mul(8)
            .and_then(|n| n.checked_add(table))
            .is_some_and(|end| end <= bytes.len())
    };
    if !fits(originals) || !fits(translations) {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (Some(source), Some(translation)) = (string(originals, i), string(translations, i))
        else {
            continue;
        };
        if source.is_empty() {
            continue;
        }
        out.push(Message {
            source,
            translation,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a little-endian catalog by hand.
    fn catalog(pairs: &[(&str, &str)]) -> Vec<u8> {
        let n = pairs.len() as u32;
        let mut head = Vec::new();
        let mut data = Vec::new();
        let data_start = 28 + 16 * n;
        let mut orig = Vec::new();
        let mut trans = Vec::new();
        for (which, table) in [(0, &mut orig), (1, &mut trans)] {
            for p in pairs {
                let s = if which == 0 { p.0 } else { p.1 };
                table.extend((s.len() as u32).to_le_bytes());
                table.extend((data_start + data.len() as u32).to_le_bytes());
                data.extend(s.as_bytes());
                data.push(0);
            }
        }
        for w in [MAGIC_LE, 0, n, 28, 28 + 8 * n, 0, 0] {
            head.extend(w.to_le_bytes());
        }
        head.extend(orig);
        head.extend(trans);
        head.extend(data);
        head
    }

    #[test]
    fn reads_pairs_and_skips_the_header() {
        let bytes = catalog(&[
            ("", "Content-Type: text/plain"),
            ("File", "ファイル"),
            ("one\0many", "一つ\0多数"),
        ]);
        let messages = parse_mo(&bytes).unwrap_or_default();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].translation, "ファイル");
        assert_eq!(messages[1].source, "one");
        assert_eq!(messages[1].translation, "一つ");
    }

    #[test]
    fn garbage_is_rejected_not_a_panic() {
        assert!(parse_mo(b"\xde\x12\x04\x95\xff\xff\xff\xff").is_none());
        assert!(parse_mo(&[0u8; 3]).is_none());
        // Tables cut off: an error, not a catalog of no messages.
        let mut bytes = catalog(&[("a", "b")]);
        bytes.truncate(40);
        assert!(parse_mo(&bytes).is_none());
        // A count of 2^32 - 1 asked for 206 GB and aborted (a review found it).
        let huge = b"\xde\x12\x04\x95\0\0\0\0\xff\xff\xff\xff\x1c\0\0\0\x1c\0\0\0";
        assert!(parse_mo(huge).is_none());
    }
}
