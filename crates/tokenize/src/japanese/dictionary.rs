//! The IPADIC compiled by `cargo xtask prepare`, embedded in the binary
//! (with the `embedded-ipadic` feature; without it there is no dictionary
//! and [`Ipadic::get`] says so).
//!
//! The lexicon and the connection matrix are lindera's compiled types; the
//! character classes and unknown-word templates are MeCab's own source files,
//! read here with MeCab's semantics (see `chardef`).

#[cfg(feature = "embedded-ipadic")]
use std::sync::{Arc, OnceLock};

use lindera_dictionary::dictionary::Dictionary;
#[cfg(feature = "embedded-ipadic")]
use lindera_dictionary::dictionary::{
    character_definition::CharacterDefinition, connection_cost_matrix::ConnectionCostMatrix,
    metadata::Metadata, prefix_dictionary::PrefixDictionary, unknown_dictionary::UnknownDictionary,
};

use super::chardef::CharDef;
use crate::Error;

#[cfg(feature = "embedded-ipadic")]
macro_rules! embedded {
    ($name:literal) => {
        include_bytes!(concat!(env!("KOTOBA_IPADIC_EMBED"), "/", $name)) as &'static [u8]
    };
}

/// An entry kept outside lindera's lexicon: an unknown-word template or an
/// entry the builder could not hold.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Surface (empty for unknown-word templates).
    pub surface: Vec<char>,
    /// Left context id.
    pub left_id: u16,
    /// Right context id.
    pub right_id: u16,
    /// Word cost.
    pub cost: i16,
    /// The features, comma-separated, as MeCab prints them.
    pub feature: String,
}

/// Everything the lattice needs.
pub struct Ipadic {
    /// lindera's dictionary (lexicon, matrix, word details).
    pub dict: Dictionary,
    /// MeCab's character classes.
    pub chars: CharDef,
    /// Unknown-word templates per character class, in `unk.def` order.
    pub unknown: Vec<Vec<Entry>>,
    /// Entries kept apart from the lexicon.
    pub extra: Vec<Entry>,
}

impl Ipadic {
    /// The embedded dictionary, loaded once per process;
    /// [`Error::NotEmbedded`] when the crate was built without the
    /// `embedded-ipadic` feature.
    #[cfg(feature = "embedded-ipadic")]
    pub fn get() -> Result<&'static Ipadic, Error> {
        static CELL: OnceLock<Result<Ipadic, Error>> = OnceLock::new();
        CELL.get_or_init(Ipadic::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The embedded dictionary, loaded once per process;
    /// [`Error::NotEmbedded`] when the crate was built without the
    /// `embedded-ipadic` feature, as this build was.
    #[cfg(not(feature = "embedded-ipadic"))]
    pub fn get() -> Result<&'static Ipadic, Error> {
        Err(Error::NotEmbedded)
    }

    #[cfg(feature = "embedded-ipadic")]
    fn load() -> Result<Ipadic, Error> {
        let lindera = |e: lindera_dictionary::error::LinderaError| Error::Dictionary(e.to_string());
        let prefix = PrefixDictionary::load(
            embedded!("dict.trie"),
            embedded!("dict.valsidx"),
            embedded!("dict.vals"),
            embedded!("dict.wordsidx"),
            embedded!("dict.words"),
        )
        .map_err(lindera)?;
        let dict = Dictionary {
            prefix_dictionary: Arc::new(prefix),
            connection_cost_matrix: Arc::new(
                ConnectionCostMatrix::load(embedded!("matrix.mtx")).map_err(lindera)?,
            ),
            character_definition: Arc::new(
                CharacterDefinition::load(embedded!("char_def.bin")).map_err(lindera)?,
            ),
            unknown_dictionary: Arc::new(
                UnknownDictionary::load(embedded!("unk.bin")).map_err(lindera)?,
            ),
            metadata: Arc::new(Metadata::load(embedded!("metadata.json")).map_err(lindera)?),
        };
        let text = |b: &'static [u8], name: &str| {
            std::str::from_utf8(b).map_err(|_| Error::Dictionary(format!("{name} is not UTF-8")))
        };
        let chars = CharDef::parse(text(embedded!("char.def"), "char.def")?)?;
        let mut unknown = vec![Vec::new(); chars.classes.len()];
        for (i, line) in text(embedded!("unk.def"), "unk.def")?.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (class, entry) = parse_entry(line)
                .ok_or_else(|| Error::Dictionary(format!("unk.def line {}", i + 1)))?;
            let k = chars
                .classes
                .iter()
                .position(|c| c.name == class)
                .ok_or_else(|| {
                    Error::Dictionary(format!("unk.def line {}: unknown class {class}", i + 1))
                })?;
            unknown[k].push(entry);
        }
        let mut extra = Vec::new();
        for (i, line) in text(embedded!("extra.csv"), "extra.csv")?
            .lines()
            .enumerate()
        {
            let (surface, mut entry) = parse_entry(line)
                .ok_or_else(|| Error::Dictionary(format!("extra.csv line {}", i + 1)))?;
            entry.surface = surface.chars().collect();
            extra.push(entry);
        }
        Ok(Ipadic {
            dict,
            chars,
            unknown,
            extra,
        })
    }
}

impl Ipadic {
    /// The raw NUL-joined feature record of a lexicon word (empty when the id
    /// or the record is out of range).
    pub fn details(&self, word_id: u32) -> &[u8] {
        let prefix = &self.dict.prefix_dictionary;
        let (index, words): (&[u8], &[u8]) = (&prefix.words_idx_data, &prefix.words_data);
        let at = word_id as usize * 4;
        let Some(offset) = index
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        else {
            return &[];
        };
        let Some(len) = words
            .get(offset..offset + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        else {
            return &[];
        };
        words.get(offset + 4..offset + 4 + len).unwrap_or(&[])
    }
}

/// Parses `key,left,right,cost,features…`.
#[cfg(feature = "embedded-ipadic")]
fn parse_entry(line: &str) -> Option<(&str, Entry)> {
    let mut cols = line.splitn(5, ',');
    let key = cols.next()?;
    let left_id = cols.next()?.parse().ok()?;
    let right_id = cols.next()?.parse().ok()?;
    let cost = cols.next()?.parse().ok()?;
    let feature = cols.next()?.to_string();
    Some((
        key,
        Entry {
            surface: Vec::new(),
            left_id,
            right_id,
            cost,
            feature,
        },
    ))
}
