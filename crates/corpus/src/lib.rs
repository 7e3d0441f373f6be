//! Corpus input for every kotoba command: files, folders (recursive; only
//! files named as prose documents read, data files such as `.tsv` or `.tbx`
//! passed over and counted, hidden, binary and empty files skipped),
//! standard input, and JSON Lines; each document with a stable id. Documents are read lazily, one at a time, so a corpus of
//! any size streams through in bounded memory.
//!
//! ```
//! use kotoba_corpus::{Corpus, InputOptions, Source};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("a.jsonl"), "{\"id\":\"n1\",\"text\":\"Trade talks.\"}\n")?;
//! let options = InputOptions { jsonl: true, ..InputOptions::default() };
//! let docs: Vec<_> = Corpus::new(vec![Source::Path(dir.path().join("a.jsonl"))], options)
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(docs[0].id, "n1");
//! assert_eq!(docs[0].text, "Trade talks.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
pub mod gettext;
mod pipeline;
mod reader;

pub use error::CorpusError;
pub use pipeline::{Outcome, process_ordered};
pub use reader::{
    Corpus, Document, InputOptions, Item, Items, MAX_DOCUMENT_BYTES, PassedOver, RawRecord,
    Resolve, Source, folder_entries, walk_reads_file,
};
