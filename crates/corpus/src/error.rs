//! What can go wrong while reading a corpus.

use std::path::PathBuf;

/// An input problem, always naming the file (and line, for JSON Lines).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// The path does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}{}: invalid UTF-8 at byte {offset}{}", line.map(|l| format!(":{l}")).unwrap_or_default(), if line.is_some() { " of the line" } else { "" })]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based.
        line: Option<usize>,
        /// Byte offset of the first invalid byte (within the line when the
        /// line is known).
        offset: usize,
    },
    /// Not a regular file (a pipe, socket or device) met in a folder:
    /// skipped, not a failure.
    #[error("{path}: not a regular file (a pipe, socket or device)")]
    NotRegular {
        /// The file.
        path: PathBuf,
    },
    /// A binary file (it holds NUL bytes).
    #[error("{path}: binary file (contains NUL bytes)")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Met while walking a folder under a name that does not say text
        /// (an image beside the articles): skipped, not a failure. A `.txt`
        /// or `.jsonl` holding NUL bytes is a document lost, and fails.
        skipped: bool,
    },
    /// Text in UTF-16 without a byte-order mark (its NUL bytes are those of
    /// ASCII letters): a document, not a binary file, but not read.
    #[error(
        "{path}: UTF-16 text without a byte-order mark: convert it (iconv -f {} -t UTF-8)",
        if *little_endian { "UTF-16LE" } else { "UTF-16BE" }
    )]
    Utf16WithoutBom {
        /// The file.
        path: PathBuf,
        /// Little-endian (Windows) rather than big-endian.
        little_endian: bool,
    },
    /// A document larger than its limit ([`crate::MAX_DOCUMENT_BYTES`] by
    /// default): not read whole.
    #[error("{path}: more than {limit} bytes in one document: split it (a document is read whole)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A file named as an input has no text: no bytes, or only white space
    /// (after a byte-order mark).
    #[error("{path}: empty file")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A file with no text, as [`CorpusError::Empty`], met while walking a
    /// folder: skipped, not a failure, as it loses nothing.
    #[error("{path}: empty file")]
    EmptyInFolder {
        /// The file.
        path: PathBuf,
    },
    /// A file reached again in one run (a symbolic link to a file read
    /// before, or the same file named twice): skipped, as reading it again
    /// would count its text twice.
    #[error(
        "{path}: the same file as {}, read once",
        first.as_ref().map_or_else(|| "one read before".to_string(), |f| f.display().to_string())
    )]
    Duplicate {
        /// The file as reached again.
        path: PathBuf,
        /// The path it was read by first, where it was kept (a link, a file
        /// named on the command line; not every file of a walk).
        first: Option<PathBuf>,
    },
    /// A JSON Lines input without a record (no bytes, or blank lines
    /// alone): it holds no documents, so this is a note, not a failure.
    #[error("{path}: no records")]
    NoRecords {
        /// The file, or `<stdin>`.
        path: PathBuf,
    },
    /// A file that is not in the format it should be in.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A JSON Lines record that is not valid JSON, or not a JSON object.
    #[error("{path}:{line}: {message}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A JSON Lines record without a usable text field.
    #[error("{path}:{line}: {problem}")]
    Field {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based.
        line: usize,
        /// What is wrong with the field.
        problem: String,
        /// The record's id, when it has one.
        id: Option<String>,
        /// The record's id field as written (a number stays a number).
        id_value: Option<Box<serde_json::Value>>,
    },
}

impl CorpusError {
    /// The id of the record that failed, when it could be read (a JSON Lines
    /// record with an id but no usable text).
    pub fn record_id(&self) -> Option<&str> {
        match self {
            CorpusError::Field { id, .. } => id.as_deref(),
            _ => None,
        }
    }

    /// The id field of the record that failed as written, when the record
    /// could be read and has one.
    pub fn record_id_value(&self) -> Option<&serde_json::Value> {
        match self {
            CorpusError::Field { id_value, .. } => id_value.as_deref(),
            _ => None,
        }
    }

    /// True for inputs skipped on purpose, as they lose nothing: binary
    /// and empty files, pipes and devices met while walking a folder, a
    /// file read before in the run, and JSON Lines without a record. Worth a
    /// note, not a failure.
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            CorpusError::Binary { skipped: true, .. }
                | CorpusError::NotRegular { .. }
                | CorpusError::EmptyInFolder { .. }
                | CorpusError::Duplicate { .. }
                | CorpusError::NoRecords { .. }
        )
    }
}
