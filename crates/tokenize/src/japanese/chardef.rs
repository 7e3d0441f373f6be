//! MeCab's character classes (`char.def`), read with MeCab's own semantics:
//! a later line overrides an earlier one for the same code point, and a
//! character carries every class its line lists (the first is its default).

use crate::Error;

/// The classes of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CharInfo {
    /// Index of the default (first listed) class.
    pub default_class: u8,
    /// Bit set of every class the character belongs to.
    pub mask: u32,
}

impl CharInfo {
    /// True when the two share a class (MeCab's `isKindOf`).
    #[inline]
    pub fn is_kind_of(self, other: CharInfo) -> bool {
        self.mask & other.mask != 0
    }
}

/// How unknown words of a class are proposed.
#[derive(Debug, Clone)]
pub struct ClassDef {
    /// Class name (`KANJI`, `ALPHA`, …).
    pub name: String,
    /// Propose unknown words even where the dictionary has a match.
    pub invoke: bool,
    /// Propose the whole run of same-class characters as one word.
    pub group: bool,
    /// Also propose the first 1..=length characters.
    pub length: usize,
}

/// The parsed `char.def`.
#[derive(Debug, Clone)]
pub struct CharDef {
    /// Classes in definition order; a class's index is its bit in [`CharInfo::mask`].
    pub classes: Vec<ClassDef>,
    table: Vec<CharInfo>,
    default_info: CharInfo,
}

impl CharDef {
    /// Parses MeCab's `char.def` (UTF-8).
    pub fn parse(text: &str) -> Result<CharDef, Error> {
        let bad =
            |line: usize, why: &str| Error::Dictionary(format!("char.def line {line}: {why}"));
        let mut classes: Vec<ClassDef> = Vec::new();
        let mut ranges: Vec<(u32, u32, Vec<String>)> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols[0].starts_with("0x") {
                let (lo, hi) = match cols[0].split_once("..") {
                    Some((a, b)) => (hex(a), hex(b)),
                    None => (hex(cols[0]), hex(cols[0])),
                };
                let (Some(lo), Some(hi)) = (lo, hi) else {
                    return Err(bad(i + 1, "bad code point"));
                };
                if cols.len() < 2 {
                    return Err(bad(i + 1, "range without a class"));
                }
                ranges.push((lo, hi, cols[1..].iter().map(|s| s.to_string()).collect()));
            } else {
                if cols.len() < 4 {
                    return Err(bad(i + 1, "class needs invoke, group and length"));
                }
                let num = |s: &str| s.parse::<usize>().map_err(|_| bad(i + 1, "bad number"));
                classes.push(ClassDef {
                    name: cols[0].to_string(),
                    invoke: num(cols[1])? != 0,
                    group: num(cols[2])? != 0,
                    length: num(cols[3])?,
                });
            }
        }
        if classes.len() > 32 {
            return Err(bad(0, "more than 32 classes"));
        }
        let id = |name: &str| classes.iter().position(|c| c.name == name);
        let default = id("DEFAULT").ok_or_else(|| bad(0, "no DEFAULT class"))?;
        let default_info = CharInfo {
            default_class: default as u8,
            mask: 1 << default,
        };
        let mut table = vec![default_info; 0x10000];
        for (lo, hi, names) in ranges {
            let mut info = CharInfo::default();
            for (k, name) in names.iter().enumerate() {
                let c = id(name).ok_or_else(|| bad(0, &format!("unknown class {name}")))?;
                if k == 0 {
                    info.default_class = c as u8;
                }
                info.mask |= 1 << c;
            }
            for cp in lo..=hi.min(0xFFFF) {
                table[cp as usize] = info;
            }
        }
        Ok(CharDef {
            classes,
            table,
            default_info,
        })
    }

    /// The classes of `c`.
    #[inline]
    pub fn info(&self, c: char) -> CharInfo {
        self.table
            .get(c as usize)
            .copied()
            .unwrap_or(self.default_info)
    }

    /// The class definition behind an info's default class.
    #[inline]
    pub fn class(&self, info: CharInfo) -> &ClassDef {
        &self.classes[info.default_class as usize]
    }
}

fn hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s.trim_start_matches("0x"), 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "DEFAULT 0 1 0\nSPACE 0 1 0\nKANJI 0 0 2\nKANJINUMERIC 1 1 0\n\
        0x0020 SPACE\n0x4E00..0x9FA5 KANJI # ideographs\n0x4E00 KANJINUMERIC KANJI\n";

    #[test]
    fn later_lines_override_and_classes_combine() {
        let def = CharDef::parse(SAMPLE).expect("parses");
        let one = def.info('一');
        assert_eq!(def.class(one).name, "KANJINUMERIC");
        assert!(one.is_kind_of(def.info('字')));
        assert_eq!(def.class(def.info('字')).name, "KANJI");
        assert_eq!(def.class(def.info('a')).name, "DEFAULT");
        assert_eq!(def.class(def.info(' ')).name, "SPACE");
    }

    #[test]
    fn rejects_unknown_class() {
        assert!(CharDef::parse("DEFAULT 0 1 0\n0x0041 NOPE\n").is_err());
    }
}
